package org.jingban.platform.identifiers;

import java.util.Locale;
import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015): 登记管理部门代码 (1), 机构类别代码 (1), 登记管理机关行政区划码 (6),
 * 主体标识码 (9) and a check character, all from the 31-character alphabet without I, O, Z, S, V.
 *
 * <p>The division code (chars 3–8) is checked to be six digits but not looked up: like an ID number,
 * a code keeps the division it was registered in. Lower-case letters are normalised to upper case.
 */
public final class UnifiedSocialCreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private final String value;

    private UnifiedSocialCreditCode(String value) {
        this.value = value;
    }

    public static UnifiedSocialCreditCode of(String value) {
        Optional<IdentifierProblem> problem = check(value);
        if (problem.isPresent()) {
            throw new InvalidIdentifierException(problem.get());
        }
        return new UnifiedSocialCreditCode(normalise(value));
    }

    public static boolean isValid(String value) {
        return check(value).isEmpty();
    }

    public static Optional<IdentifierProblem> check(String value) {
        if (value == null || value.isBlank()) {
            return problem("uscc.blank", "请填写统一社会信用代码");
        }
        String code = normalise(value);
        if (code.length() != 18) {
            return problem("uscc.length", "统一社会信用代码应为18位");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return problem("uscc.format", "统一社会信用代码含有不允许的字符（不使用I、O、Z、S、V）");
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!ResidentIdNumber.isAsciiDigit(code.charAt(i))) {
                return problem("uscc.division", "统一社会信用代码第3至8位应为登记管理机关行政区划码（6位数字）");
            }
        }
        if (checkCharacter(code.substring(0, 17)) != code.charAt(17)) {
            return problem("uscc.check-digit", "统一社会信用代码校验位错误");
        }
        return Optional.empty();
    }

    /** 31 − (Σ value × weight mod 31), where 31 maps to 0. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("需要17位本体代码");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(Character.toUpperCase(first17.charAt(i)));
            if (v < 0) {
                throw new IllegalArgumentException("本体代码含有不允许的字符");
            }
            sum += v * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    public String value() {
        return value;
    }

    /** 登记管理机关行政区划码, e.g. {@code 350100}. */
    public String divisionCode() {
        return value.substring(2, 8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnifiedSocialCreditCode other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Not personal data: a legal entity's code is public (公示), so it is shown as is. */
    @Override
    public String toString() {
        return value;
    }

    private static String normalise(String value) {
        return value.strip().toUpperCase(Locale.ROOT);
    }

    private static Optional<IdentifierProblem> problem(String code, String message) {
        return Optional.of(new IdentifierProblem(code, message));
    }
}
