package org.jingban.platform.identifiers;

import java.util.Optional;
import java.util.regex.Pattern;

/** 邮政编码: 6 digits. */
public final class PostalCode {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{6}");

    private PostalCode() {
    }

    public static boolean isValid(String value) {
        return check(value).isEmpty();
    }

    public static Optional<IdentifierProblem> check(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(new IdentifierProblem("postal-code.blank", "请填写邮政编码"));
        }
        if (!FORMAT.matcher(value.strip()).matches()) {
            return Optional.of(new IdentifierProblem("postal-code.format", "邮政编码应为6位数字"));
        }
        return Optional.empty();
    }
}
