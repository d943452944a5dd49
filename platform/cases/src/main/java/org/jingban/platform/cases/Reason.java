package org.jingban.platform.cases;

import java.util.Objects;

/**
 * One reason of a refusal or notice (一次性告知的一项): a stable code for machines, a Chinese
 * message for people and, where one field or material is at fault, its name. This is the reason
 * type of every event payload; the web layer's {@code Violation} stays at the HTTP edge.
 *
 * @param field the form field or material at fault (e.g. {@code 证件类型及号码}), or null
 */
public record Reason(String code, String message, String field) {

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public Reason(String code, String message) {
        this(code, message, null);
    }

    public static Reason of(String code, String message) {
        return new Reason(code, message, null);
    }

    /** A reason about one field or material. */
    public static Reason at(String field, String code, String message) {
        return new Reason(code, message, field);
    }
}
