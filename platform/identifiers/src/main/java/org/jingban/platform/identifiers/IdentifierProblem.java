package org.jingban.platform.identifiers;

import java.util.Objects;

/**
 * Why a value is not a valid identifier (证件号码/代码校验不通过的原因).
 *
 * @param code    stable English key for programs and tests, e.g. {@code id-number.check-digit}
 * @param message Chinese sentence for people, e.g. {@code 公民身份号码校验位错误}; it never repeats the value,
 *                so it is safe to log
 */
public record IdentifierProblem(String code, String message) {

    public IdentifierProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
