package org.jingban.platform.identifiers;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 联系电话 as the forms ask for it: a mobile number ({@link MobileNumber}) or a fixed line with its area code, such as
 * {@code 0935-2116032} (the hyphen optional).
 */
public final class PhoneNumber {

    private static final Pattern FIXED_LINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");

    private PhoneNumber() {
    }

    public static boolean isValid(String value) {
        return check(value).isEmpty();
    }

    public static Optional<IdentifierProblem> check(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(new IdentifierProblem("phone.blank", "请填写联系电话"));
        }
        String v = value.strip();
        if (!MobileNumber.isValid(v) && !FIXED_LINE.matcher(v).matches()) {
            return Optional.of(new IdentifierProblem("invalid-phone", "联系电话应为11位手机号码或带区号的固定电话"));
        }
        return Optional.empty();
    }
}
