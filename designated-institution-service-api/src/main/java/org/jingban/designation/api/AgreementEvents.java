package org.jingban.designation.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Events of 医保协议 (the agreement between the 经办机构 and a 定点医药机构) on {@link DesignationTopics#EVENTS}; subject =
 * the agreement's id; data = {@link Agreement}, the whole agreement as it is after the event. A consumer
 * (settlement-service) keeps the newest {@link Agreement} per {@code institutionCode} (events of one agreement come in
 * order: they are keyed by its id) and asks {@link Agreement#permits(String, LocalDate)} before it settles.
 */
public final class AgreementEvents {

    /** 签订医保协议: an institution became 定点 (622036009001 / 622036009002), or was imported as already designated. */
    public static final String SIGNED = "jingban.designated-institution.agreement.signed.v1";
    /** 定点医药机构信息变更: name, legal representative, address, bank account, level … changed. */
    public static final String CHANGED = "jingban.designated-institution.agreement.changed.v1";
    /** 暂停协议: no settlement while SUSPENDED (the period is {@link Agreement#suspendedFrom()}–{@link Agreement#suspendedUntil()}). */
    public static final String SUSPENDED = "jingban.designated-institution.agreement.suspended.v1";
    /** 恢复协议管理: ACTIVE again. */
    public static final String RESUMED = "jingban.designated-institution.agreement.resumed.v1";
    /** 终止协议: never settles again under this agreement. */
    public static final String TERMINATED = "jingban.designated-institution.agreement.terminated.v1";
    /** The agreed scope changed, e.g. 开通异地就医直接结算业务 added {@link #OFFSITE_SETTLEMENT}. */
    public static final String SCOPE_CHANGED = "jingban.designated-institution.agreement.scope-changed.v1";

    /** Scope values (协议范围). */
    public static final String OUTPATIENT = "OUTPATIENT";
    public static final String INPATIENT = "INPATIENT";
    public static final String CHRONIC_DISEASE = "CHRONIC_DISEASE";
    public static final String MATERNITY = "MATERNITY";
    public static final String OFFSITE_SETTLEMENT = "OFFSITE_SETTLEMENT";
    /** Retail pharmacies: 药品零售 (购药). */
    public static final String RETAIL_DRUGS = "RETAIL_DRUGS";

    public static final List<String> TYPES = List.of(SIGNED, CHANGED, SUSPENDED, RESUMED, TERMINATED, SCOPE_CHANGED);

    private AgreementEvents() {
    }

    /**
     * One 医保协议 and the institution it designates.
     *
     * @param agreementNumber   协议编号
     * @param institutionCode   定点医药机构编码, national layout: type letter (H 医疗机构, P 零售药店) + 6-digit 行政区划 of
     *                          the practice address + 5-digit sequence, e.g. {@code H62060200001}
     * @param creditCode        统一社会信用代码
     * @param kind              {@code MEDICAL_INSTITUTION} or {@code RETAIL_PHARMACY}
     * @param regionCode        the 医保区划 of the 经办机构 that signed it (统筹地区)
     * @param divisionCode      行政区划 of the practice (执业/营业) address
     * @param level             医疗机构等级 (一级, 二级, 三级, 未定级); null for a pharmacy
     * @param scope             协议范围: {@link #OUTPATIENT}, {@link #INPATIENT}, {@link #CHRONIC_DISEASE}, {@link #MATERNITY},
     *                          {@link #OFFSITE_SETTLEMENT}, {@link #RETAIL_DRUGS}
     * @param offsiteSettlement for {@link #OFFSITE_SETTLEMENT}: 省内异地 and/or 跨省异地
     * @param status            ACTIVE, SUSPENDED, TERMINATED
     * @param validFrom         first day of the agreement
     * @param validUntil        last day of the agreement
     * @param contactPhone      the institution's 联系人手机号 (表14 联系人姓名/联系人手机号; 表15's 联系人, the 药店负责人), as
     *                          last changed by 定点医药机构信息变更; null when none is known (or from a publisher older than
     *                          this field). Personal data: a reader masks it wherever it shows or logs it
     *                          (notification-service sends the institution's SMS to it)
     */
    public record Agreement(String agreementNumber, String institutionCode, String creditCode, String name,
                            String kind, String regionCode, String divisionCode, String level, List<String> scope,
                            List<String> offsiteSettlement, String status, LocalDate validFrom, LocalDate validUntil,
                            LocalDate suspendedFrom, LocalDate suspendedUntil, String suspensionReason,
                            LocalDate terminatedOn, String terminationReason, String contactPhone) {

        public Agreement {
            scope = scope == null ? List.of() : List.copyOf(scope);
            offsiteSettlement = offsiteSettlement == null ? List.of() : List.copyOf(offsiteSettlement);
        }

        /** Without the contact phone (the record before {@code contactPhone} was added; a missing field reads as null). */
        public Agreement(String agreementNumber, String institutionCode, String creditCode, String name, String kind,
                         String regionCode, String divisionCode, String level, List<String> scope,
                         List<String> offsiteSettlement, String status, LocalDate validFrom, LocalDate validUntil,
                         LocalDate suspendedFrom, LocalDate suspendedUntil, String suspensionReason,
                         LocalDate terminatedOn, String terminationReason) {
            this(agreementNumber, institutionCode, creditCode, name, kind, regionCode, divisionCode, level, scope,
                    offsiteSettlement, status, validFrom, validUntil, suspendedFrom, suspendedUntil, suspensionReason,
                    terminatedOn, terminationReason, null);
        }

        /**
         * Whether the institution may settle a service of {@code scope} given on {@code day}: the agreement is ACTIVE,
         * the day lies in its validity, and the scope was agreed. A suspended or terminated institution, or one outside
         * its agreed scope, cannot settle.
         */
        public boolean permits(String scope, LocalDate day) {
            return "ACTIVE".equals(status) && !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil))
                    && this.scope.contains(scope);
        }
    }
}
