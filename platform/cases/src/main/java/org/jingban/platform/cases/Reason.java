package org.jingban.platform.cases;

import java.util.Objects;

/**
 * One reason of a refusal or notice (一次性告知的一项): a stable code for machines and a Chinese
 * message for people.
 */
public record Reason(String code, String message) {

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static Reason of(String code, String message) {
        return new Reason(code, message);
    }
}
