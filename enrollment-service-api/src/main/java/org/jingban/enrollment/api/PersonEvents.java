package org.jingban.enrollment.api;

import java.util.List;

/**
 * Events of 参保人员 on {@link EnrollmentTopics#EVENTS}; subject = person id; data = {@link Person} (the whole person:
 * the newest event replaces what a consumer knew), except {@link #RECORD_RELEASED}.
 */
public final class PersonEvents {

    /** 参保登记 (职工 增加, 灵活就业, 城乡居民). */
    public static final String ENROLLED = "jingban.enrollment.person.enrolled.v1";
    /** 中断/终止/恢复/在职转退休/统筹地区内转移, personal information changes (表5/表6, 电话号码). */
    public static final String CHANGED = "jingban.enrollment.person.changed.v1";
    /** 中止参保 for a transfer out (transfer hook {@link TransferHooks.Suspend}). */
    public static final String TRANSFER_SUSPENDED = "jingban.enrollment.person.transfer-suspended.v1";
    /** The insurance record and the balance released to a transfer; data = {@link TransferHooks.InsuranceRecord}. */
    public static final String RECORD_RELEASED = "jingban.enrollment.insurance-record.released.v1";
    /** Transferred-in periods and balance credited (hook {@link TransferHooks.CreditIn}); carries {@code transferId}. */
    public static final String TRANSFER_IN_CREDITED = "jingban.enrollment.transfer-in.credited.v1";

    private PersonEvents() {
    }

    /**
     * The person as other services need them: insurance types, status, region, category, periods, months.
     *
     * @param what       the change, e.g. {@code 增加}, {@code 在职转退休}, {@code 转移接续转入}
     * @param transferId on {@link #TRANSFER_IN_CREDITED}: the transfer whose credit this is; null on other events
     * @param phone      联系电话 as registered (参保登记) or last changed (参保信息变更登记, 电话号码新增和更改): a mobile or a
     *                   fixed line; null when none is known (or from a publisher older than this field). Personal
     *                   data: a reader masks it wherever it shows or logs it (notification-service reaches the person
     *                   by it).
     */
    public record Person(String personId, String idNumber, String name, String what, String regionCode,
                         List<InsuranceView> insurances, String transferId, String phone) {

        /** Without the phone (the record before {@code phone} was added; readers of a missing field get null). */
        public Person(String personId, String idNumber, String name, String what, String regionCode,
                      List<InsuranceView> insurances, String transferId) {
            this(personId, idNumber, name, what, regionCode, insurances, transferId, null);
        }
    }

    /**
     * One insurance of the person in one 统筹区 and 险种 (参保记录).
     *
     * @param insuranceType      {@link InsuranceTypes}
     * @param status             {@code ACTIVE}, {@code INTERRUPTED}, {@code TERMINATED}, {@code SUSPENDED} (中止, transfer
     *                           under way) or {@code TRANSFERRED_OUT}; {@code statusLabel} in Chinese
     * @param contributionMonths months covered by the periods up to the month of the event (overlaps counted once)
     */
    public record InsuranceView(String insuranceType, String regionCode, String unitId, String unitName,
                                String category, String status, String statusLabel, List<Period> periods,
                                long contributionMonths) {
    }

    /**
     * 参保缴费期间: months {@code from} to {@code to} inclusive (yyyy-MM; {@code to} null while it runs), in one 统筹区,
     * for one unit (none for 灵活就业人员 and 城乡居民).
     *
     * @param source {@link #LOCAL} or {@link #TRANSFERRED_IN} (credited by a transfer); ignored in a
     *               {@link TransferHooks.CreditIn}, whose periods all become {@link #TRANSFERRED_IN}
     */
    public record Period(String from, String to, String regionCode, String unitId, String category, String source) {

        public static final String LOCAL = "本地";
        public static final String TRANSFERRED_IN = "转入";
    }
}
