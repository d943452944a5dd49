package org.jingban.offsitefiling.api;

import java.time.LocalDate;

/**
 * Events of 异地就医备案 on {@link OffsiteFilingTopics#EVENTS}; subject = the filing's id; data = {@link Filing}, the
 * whole filing as it is after the event (a consumer keeps the newest per {@code filingNumber}). What settlement-service
 * needs to decide whether a visit in region R on day D is a filed off-site visit, and as which kind.
 */
public final class FilingEvents {

    /** 新增: a filing took effect. */
    public static final String REGISTERED = "jingban.offsite-filing.filing.registered.v1";
    /** 变更: a filing took effect in place of the one named in {@link Filing#replaces()} (that one is then REPLACED). */
    public static final String CHANGED = "jingban.offsite-filing.filing.changed.v1";
    /** 取消备案 by the insured person or a clerk. */
    public static final String CANCELLED = "jingban.offsite-filing.filing.cancelled.v1";
    /** The validity ran out (temporary kinds); the filing no longer covers visits after {@link Filing#validUntil()}. */
    public static final String EXPIRED = "jingban.offsite-filing.filing.expired.v1";

    private FilingEvents() {
    }

    /**
     * One 异地就医备案 (表11).
     *
     * @param filingNumber      备案编号 (the case number of the application that made it)
     * @param kindCode          the 子项编码 of its kind, e.g. {@code 622036004001} (异地安置退休人员备案)
     * @param kind              人员类别 as 表11 prints it, e.g. {@code 异地安置退休人员}
     * @param insuranceType     职工基本医疗保险 / 城乡居民基本医疗保险
     * @param insuredRegionCode 参保地 医保区划
     * @param destinationCode   就医地: a city (地市) code, or a province code for 海南, 西藏 and 兵团 (表11 温馨提示 3)
     * @param validUntil        last day covered; null while valid until cancelled (安置, 长期居住, 常驻)
     * @param status            ACTIVE, REPLACED, CANCELLED or EXPIRED
     * @param path              PROOF (证明材料) or PROMISE (个人承诺书, 表18)
     * @param replaces          on {@link #CHANGED}: the filing number this one replaced
     */
    public record Filing(String filingNumber, String idNumber, String name, String kindCode, String kind,
                         String insuranceType, String insuredRegionCode, String destinationCode, LocalDate validFrom,
                         LocalDate validUntil, String status, String path, String replaces) {
    }
}
