package org.jingban.platform.identifiers;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 银行账号: 12 to 19 digits; blanks and hyphens between groups (as printed on cards and 开户许可证) are
 * ignored. The Luhn digit is NOT required: many 对公账户 and older 存折 accounts do not carry one, and
 * refusing them would stop real 单位 from registering. {@link #passesLuhn(String)} is offered as a hint
 * for card numbers only. See docs/adr/0002-identifier-validation.md.
 */
public final class BankAccountNumber {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{12,19}");

    private BankAccountNumber() {
    }

    /** The digits only: {@code "6222 0212 3456 7890"} → {@code "6222021234567890"}. */
    public static String normalise(String value) {
        return value.replaceAll("[\\s-]", "");
    }

    public static boolean isValid(String value) {
        return check(value).isEmpty();
    }

    public static Optional<IdentifierProblem> check(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(new IdentifierProblem("bank-account.blank", "请填写银行账号"));
        }
        if (!FORMAT.matcher(normalise(value)).matches()) {
            return Optional.of(new IdentifierProblem("bank-account.format", "银行账号应为12至19位数字"));
        }
        return Optional.empty();
    }

    /** Whether the digits pass the Luhn (mod 10) check used by bank cards; never a reason to refuse. */
    public static boolean passesLuhn(String value) {
        String digits = normalise(value);
        if (!FORMAT.matcher(digits).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
