package org.jingban.platform.identifiers;

import java.util.Optional;
import java.util.regex.Pattern;

/** 手机号码: 11 digits starting 13–19 (mainland numbers, without +86). */
public final class MobileNumber {

    private static final Pattern FORMAT = Pattern.compile("1[3-9][0-9]{9}");

    private MobileNumber() {
    }

    public static boolean isValid(String value) {
        return check(value).isEmpty();
    }

    public static Optional<IdentifierProblem> check(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(new IdentifierProblem("mobile.blank", "请填写手机号码"));
        }
        if (!FORMAT.matcher(value.strip()).matches()) {
            return Optional.of(new IdentifierProblem("mobile.format", "手机号码应为以13至19开头的11位数字"));
        }
        return Optional.empty();
    }
}
