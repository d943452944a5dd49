package org.jingban.platform.cases;

import java.util.Objects;

/**
 * Applicant or subject of a case: a person (证件号码), an employer (统一社会信用代码 / 单位编号)
 * or an institution (定点医药机构编码). {@link #toString()} masks the id: it may reach logs.
 */
public record Party(Kind kind, String id, String name) {

    public enum Kind {
        /** 个人 */
        PERSON,
        /** 用人单位 */
        EMPLOYER,
        /** 医药机构 */
        INSTITUTION
    }

    public Party {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Party person(String id, String name) {
        return new Party(Kind.PERSON, id, name);
    }

    public static Party employer(String id, String name) {
        return new Party(Kind.EMPLOYER, id, name);
    }

    public static Party institution(String id, String name) {
        return new Party(Kind.INSTITUTION, id, name);
    }

    /** The id with all but the first 4 and last 4 characters hidden, e.g. {@code 6206**********1234}. */
    public String maskedId() {
        return mask(id);
    }

    static String mask(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() <= 8) {
            return "*".repeat(value.length());
        }
        return value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
    }

    @Override
    public String toString() {
        return "Party[kind=" + kind + ", id=" + maskedId() + ", name=" + name + "]";
    }
}
