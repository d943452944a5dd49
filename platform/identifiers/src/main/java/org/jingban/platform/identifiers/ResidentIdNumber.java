package org.jingban.platform.identifiers;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence code and an
 * ISO 7064 MOD 11-2 check character (0-9 or X).
 *
 * <p>The address code is checked only as far as its province (first two digits): division codes change
 * (e.g. 地区 became 市, counties merged into districts) but a number keeps the code it was issued with,
 * so matching all six digits against today's table would refuse real people. The province must be
 * one of today's 31 provincial divisions or 81/82/83 (港澳台居民居住证, which use the same format).
 * See docs/adr/0002-identifier-validation.md.
 *
 * <p>A lower-case {@code x} is accepted and normalised to {@code X}; surrounding blanks are stripped.
 * {@link #toString()} is masked so that an instance can never leak into a log unmasked.
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** 港澳台居民居住证 use 810000 / 820000 / 830000 as their address code. */
    private static final Set<String> RESIDENCE_PERMIT_PROVINCES = Set.of("81", "82", "83");

    private final String value;
    private final LocalDate birthDate;

    private ResidentIdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /** Parses a valid number, judging "future birth date" against today in China. */
    public static ResidentIdNumber of(String value) {
        return of(value, LocalDate.now(CHINA));
    }

    public static ResidentIdNumber of(String value, LocalDate today) {
        Optional<IdentifierProblem> problem = check(value, today);
        if (problem.isPresent()) {
            throw new InvalidIdentifierException(problem.get());
        }
        String normalised = normalise(value);
        return new ResidentIdNumber(normalised, birthDateOf(normalised));
    }

    public static boolean isValid(String value) {
        return check(value).isEmpty();
    }

    public static Optional<IdentifierProblem> check(String value) {
        return check(value, LocalDate.now(CHINA));
    }

    /** The first problem found, in the order length, characters, province, birth date, check digit. */
    public static Optional<IdentifierProblem> check(String value, LocalDate today) {
        if (value == null || value.isBlank()) {
            return problem("id-number.blank", "请填写公民身份号码");
        }
        String id = normalise(value);
        if (id.length() != 18) {
            return problem("id-number.length", "公民身份号码应为18位");
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(id.charAt(i))) {
                return problem("id-number.format", "公民身份号码前17位应为数字，最后一位应为数字或X");
            }
        }
        char last = id.charAt(17);
        if (!isAsciiDigit(last) && last != 'X') {
            return problem("id-number.format", "公民身份号码前17位应为数字，最后一位应为数字或X");
        }
        String province = id.substring(0, 2);
        if (!Divisions.isKnownProvince(province) && !RESIDENCE_PERMIT_PROVINCES.contains(province)) {
            return problem("id-number.region", "公民身份号码的地址码不属于已知的省级行政区划");
        }
        LocalDate birth = birthDateOf(id);
        if (birth == null || birth.isBefore(EARLIEST_BIRTH_DATE)) {
            return problem("id-number.birth-date", "公民身份号码中的出生日期无效");
        }
        if (birth.isAfter(today)) {
            return problem("id-number.birth-date-future", "公民身份号码中的出生日期晚于今天");
        }
        if (checkCharacter(id.substring(0, 17)) != last) {
            return problem("id-number.check-digit", "公民身份号码校验位错误");
        }
        return Optional.empty();
    }

    /**
     * The ISO 7064 MOD 11-2 check character for the first 17 digits: Σ(digit × 2^(17-i) mod 11) mod 11
     * mapped through "10X98765432".
     */
    public static char checkCharacter(String first17Digits) {
        if (first17Digits.length() != 17) {
            throw new IllegalArgumentException("需要17位本体码");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17Digits.charAt(i);
            if (!isAsciiDigit(c)) {
                throw new IllegalArgumentException("本体码应为数字");
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    /** The normalised 18 characters (upper-case X). Personal data: mask before logging. */
    public String value() {
        return value;
    }

    /** 出生日期. */
    public LocalDate birthDate() {
        return birthDate;
    }

    /** 性别 from the 17th digit. */
    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** The 6-digit address code as issued (发证时的行政区划代码); it may no longer be in today's table. */
    public String regionPrefix() {
        return value.substring(0, 6);
    }

    /** The 6-digit province code, e.g. {@code 620000}. */
    public String provinceCode() {
        return value.substring(0, 2) + "0000";
    }

    /** The masked form, e.g. {@code 620***********123X}. */
    public String masked() {
        return Masking.idNumber(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResidentIdNumber other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked on purpose: personal data must not reach logs through string concatenation. */
    @Override
    public String toString() {
        return masked();
    }

    private static String normalise(String value) {
        return value.strip().toUpperCase(Locale.ROOT);
    }

    private static LocalDate birthDateOf(String id) {
        try {
            return LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Optional<IdentifierProblem> problem(String code, String message) {
        return Optional.of(new IdentifierProblem(code, message));
    }
}
