package org.jingban.platform.security;

import java.util.Objects;

import org.jingban.platform.identifiers.Masking;

/**
 * Whose an object is and where it is handled: the party (a person by 证件号码, a unit by 统一社会信用代码,
 * an institution by its code) and the 医保区划 of the office that handles it. Services build one from
 * their aggregate (e.g. a case's applicant and region) and hand it to {@link Authorize}.
 */
public record Owner(Kind kind, String id, String region) {

    public enum Kind {
        /** 个人, by 证件号码 */
        PERSON,
        /** 用人单位, by 统一社会信用代码 */
        UNIT,
        /** 定点医药机构, by its code */
        INSTITUTION
    }

    public Owner {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Owner person(String idNumber, String region) {
        return new Owner(Kind.PERSON, idNumber, region);
    }

    public static Owner unit(String unitCode, String region) {
        return new Owner(Kind.UNIT, unitCode, region);
    }

    public static Owner institution(String institutionCode, String region) {
        return new Owner(Kind.INSTITUTION, institutionCode, region);
    }

    @Override
    public String toString() {
        return "Owner[" + kind + " " + (kind == Kind.PERSON ? Masking.idNumber(id) : id) + ", region=" + region + "]";
    }
}
