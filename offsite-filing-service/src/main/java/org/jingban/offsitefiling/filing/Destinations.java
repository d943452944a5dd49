package org.jingban.offsitefiling.filing;

import java.util.Set;

import org.jingban.platform.identifiers.Divisions;

/**
 * 就医地 codes as 表11 asks for them: "办理备案时直接备案到就医地市或直辖市" (温馨提示 2), except that "到海南、西藏等省级
 * 统筹的省份和新疆生产建设兵团就医的，可备案到就医省份和新疆生产建设兵团" (温馨提示 3, seed 002 表11).
 */
public final class Destinations {

    /** Province-level codes a filing may name: the 省级统筹 provinces and 兵团 (温馨提示 3), and the 直辖市 (温馨提示 2). */
    static final Set<String> PROVINCE_LEVEL = Set.of("460000", "540000", "660000", "110000", "120000", "310000", "500000");

    private Destinations() {
    }

    /** A known city (地市) code, or one of the province-level codes above. */
    public static boolean isValid(String code) {
        if (code == null || !code.matches("\\d{6}") || !Divisions.isKnownRegionCode(code)) {
            return false;
        }
        if (code.endsWith("0000")) {
            return PROVINCE_LEVEL.contains(code);
        }
        return code.endsWith("00");
    }

    /** Whether a filing to {@code destination} covers a visit in {@code region} (the same code, or one inside it). */
    public static boolean covers(String destination, String region) {
        if (destination == null || region == null) {
            return false;
        }
        if (destination.equals(region)) {
            return true;
        }
        if (destination.endsWith("0000")) {
            return region.startsWith(destination.substring(0, 2));
        }
        return destination.endsWith("00") && region.startsWith(destination.substring(0, 4));
    }

    /** Whether two codes lie in different provinces (for 外伤, which cannot be settled across provinces). */
    public static boolean differentProvinces(String a, String b) {
        return !a.substring(0, 2).equals(b.substring(0, 2));
    }
}
