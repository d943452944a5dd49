package org.jingban.platform.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a caller is to Jingban, as carried in the token's {@code roles} claim (by {@link #name()}).
 * A token may carry several (a clerk who is also a reviewer); separation of duties is then enforced
 * by person in the case kernel, not by role.
 */
public enum Role {
    /** 参保人: acts on their own records and cases only; identified by 证件号码 ({@code id_number}). */
    INSURED_PERSON("参保人", Kind.PARTY),
    /** 单位经办人: acts for one unit ({@code uscc}, 统一社会信用代码). */
    EMPLOYER_AGENT("单位经办人", Kind.PARTY),
    /** 定点医药机构: acts for one institution ({@code institution_code}). */
    INSTITUTION("定点医药机构", Kind.PARTY),
    /** 受理 */
    CLERK("受理人员", Kind.STAFF),
    /** 审核 */
    REVIEWER("审核人员", Kind.STAFF),
    /** 财务复核 */
    FINANCE("财务复核人员", Kind.STAFF),
    /** 负责人审批 */
    DIRECTOR("负责人", Kind.STAFF),
    /** 运维: health, metrics, calendar data, the audit trail; never a person's record. */
    OPS("运维人员", Kind.OPS),
    /** A system client (portal, mini-program back end), limited by its scopes. */
    SYSTEM("系统客户端", Kind.SYSTEM);

    /** How a role relates to records. */
    public enum Kind { PARTY, STAFF, OPS, SYSTEM }

    private final String label;
    private final Kind kind;

    Role(String label, Kind kind) {
        this.label = label;
        this.kind = kind;
    }

    /** The Chinese name shown to people (e.g. in problems and the audit trail). */
    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /** Case-handling staff of an office (受理, 审核, 复核, 审批), who serve regions. */
    public boolean staff() {
        return kind == Kind.STAFF;
    }

    /** The Spring Security authority, {@code ROLE_CLERK} etc. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role named by a claim value, case-insensitive ({@code clerk}, {@code CLERK}); empty if unknown. */
    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalized = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Role role : values()) {
            if (role.name().equals(normalized)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
