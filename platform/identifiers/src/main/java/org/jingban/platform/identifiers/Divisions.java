package org.jingban.platform.identifiers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 医保区划 / 行政区划: the province, city and county tables bundled from the national division list
 * (resources {@code org/jingban/platform/identifiers/divisions/*.csv}, WTFPL, see LICENSE there).
 *
 * <p>A 6-digit 医保区划 code is known when it is a county-level code (e.g. 513224 松潘县), a city code
 * followed by {@code 00} (620600 武威市) or a province code followed by {@code 0000} (620000 甘肃省).
 * Lookups of unknown or malformed codes return empty, never throw.
 */
public final class Divisions {

    private static final String BASE = "/org/jingban/platform/identifiers/divisions/";

    private Divisions() {
    }

    /** Loaded once, on first use; immutable afterwards, so safe to share between threads. */
    private static final class Table {
        static final Map<String, String> NAMES = load();

        private static Map<String, String> load() {
            Map<String, String> names = new HashMap<>();
            for (String[] row : read("provinces.csv")) {
                names.put(row[0] + "0000", row[1]);
            }
            for (String[] row : read("cities.csv")) {
                names.put(row[0] + "00", row[1]);
            }
            for (String[] row : read("areas.csv")) {
                names.put(row[0], row[1]);
            }
            return Collections.unmodifiableMap(names);
        }

        private static List<String[]> read(String file) {
            try (InputStream in = Divisions.class.getResourceAsStream(BASE + file)) {
                if (in == null) {
                    throw new IllegalStateException("missing bundled division table " + file);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                List<String[]> rows = new ArrayList<>();
                reader.readLine(); // header
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank()) {
                        String[] cells = line.split(",", -1);
                        rows.add(new String[] {cells[0].strip(), unquote(cells[1].strip())});
                    }
                }
                return rows;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String unquote(String cell) {
            return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")
                    ? cell.substring(1, cell.length() - 1) : cell;
        }
    }

    public static boolean isKnownRegionCode(String code) {
        return code != null && Table.NAMES.containsKey(code);
    }

    /** Whether the two digits are one of today's 31 provincial divisions, e.g. {@code 62}. */
    public static boolean isKnownProvince(String twoDigits) {
        return twoDigits != null && twoDigits.length() == 2 && Table.NAMES.containsKey(twoDigits + "0000");
    }

    /** 620600 → 武威市, 513224 → 松潘县, 620000 → 甘肃省. */
    public static Optional<String> name(String code) {
        return isKnownRegionCode(code) ? Optional.of(Table.NAMES.get(code)) : Optional.empty();
    }

    /** The province's 6-digit code of a known code: 513224 → 510000. */
    public static Optional<String> provinceCode(String code) {
        return isKnownRegionCode(code) ? Optional.of(code.substring(0, 2) + "0000") : Optional.empty();
    }

    /** The province's name of a known code: 513224 → 四川省. */
    public static Optional<String> provinceName(String code) {
        return provinceCode(code).map(Table.NAMES::get);
    }

    /**
     * The city-level (地级) 6-digit code of a known city or county code: 513224 → 513200, 620600 → 620600;
     * empty for a province code. For 直辖市 the city level is 市辖区 (110101 → 110100).
     */
    public static Optional<String> cityCode(String code) {
        if (!isKnownRegionCode(code) || code.endsWith("0000")) {
            return Optional.empty();
        }
        String city = code.substring(0, 4) + "00";
        return Table.NAMES.containsKey(city) ? Optional.of(city) : Optional.empty();
    }

    /** The city-level name: 513224 → 阿坝藏族羌族自治州. */
    public static Optional<String> cityName(String code) {
        return cityCode(code).map(Table.NAMES::get);
    }
}
