package org.jingban.reimbursement.api;

import java.time.LocalDate;

/**
 * Events of 门诊慢特病病种待遇认定 on {@link ReimbursementTopics#EVENTS}; subject = the entitlement's id; data =
 * {@link Entitlement}, the whole entitlement after the event. settlement-service keeps the newest per
 * {@code entitlementNumber} to pay an entitled person's chronic-disease outpatient bills at the chosen institution.
 */
public final class EntitlementEvents {

    /** 认定通过: the person is entitled for the disease from {@link Entitlement#validFrom()}. */
    public static final String GRANTED = "jingban.reimbursement.entitlement.granted.v1";
    /** The chosen designated institution changed. */
    public static final String CHANGED = "jingban.reimbursement.entitlement.changed.v1";
    /** Ended: cancelled by the person or the office, or its validity ran out ({@link Entitlement#endReason()}). */
    public static final String ENDED = "jingban.reimbursement.entitlement.ended.v1";

    private EntitlementEvents() {
    }

    /**
     * One entitlement (待遇资格).
     *
     * @param entitlementNumber 认定编号 (the case number of the application that granted it)
     * @param itemCode          the item that granted it (622036005000 or one of Songpan's)
     * @param insuranceType     职工基本医疗保险 / 城乡居民基本医疗保险
     * @param regionCode        参保地 医保区划
     * @param diseaseCode       病种编码 (regional disease list)
     * @param crossProvince     one of the five diseases settled across provinces (seed 004)
     * @param institutionCode   the chosen designated institution's code, may be null
     * @param validUntil        last day covered, null while valid until ended
     * @param status            ACTIVE or ENDED
     */
    public record Entitlement(String entitlementNumber, String itemCode, String idNumber, String name,
                              String insuranceType, String regionCode, String diseaseCode, String diseaseName,
                              boolean crossProvince, String institutionCode, String institutionName,
                              LocalDate validFrom, LocalDate validUntil, String status, String endReason) {
    }
}
