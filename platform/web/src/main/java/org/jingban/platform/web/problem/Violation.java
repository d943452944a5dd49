package org.jingban.platform.web.problem;

import java.util.Objects;

/**
 * One problem with one field or material (一次性告知 lists all of them at once).
 *
 * @param field   the form's field name as the applicant sees it (e.g. "证件类型及号码") or a JSON property path
 * @param code    a stable machine-readable code, e.g. {@code required}, {@code invalid-format}
 * @param message the Chinese message shown to people
 */
public record Violation(String field, String code, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** The usual violation for a required field left empty: "姓名为必填项". */
    public static Violation required(String field) {
        return new Violation(field, "required", field + "为必填项");
    }
}
