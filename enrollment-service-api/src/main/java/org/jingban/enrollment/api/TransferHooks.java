package org.jingban.enrollment.api;

import java.util.List;

import org.jingban.platform.cases.Reason;

/**
 * The hooks of 关系转移接续 that enrollment-service accepts (from transfer-service): 中止参保, release of the insurance
 * record and balance, credit of transferred-in periods and balance. Every command carries the transfer's id; repeating
 * a command with the same id changes nothing and answers the same.
 * <p>
 * Two equivalent ways: internal HTTP ({@code POST /internal/v1/enrollment/transfers/{transferId}/suspension|release|credit},
 * body = the command, answer = {@link Outcome} or {@link InsuranceRecord}), or events published by the sender on its own
 * topic ({@code jingban.transfer.events}) with the types below. Results come back on {@link EnrollmentTopics#EVENTS}
 * ({@link PersonEvents}, {@link AccountEvents}); a command event that cannot be applied is answered by {@link #REFUSED}.
 */
public final class TransferHooks {

    /** Command event type, data = {@link Suspend}. */
    public static final String SUSPEND_REQUESTED = "jingban.transfer.enrollment-suspension.requested.v1";
    /** Command event type, data = {@link Release}. */
    public static final String RELEASE_REQUESTED = "jingban.transfer.record-release.requested.v1";
    /** Command event type, data = {@link CreditIn}. */
    public static final String CREDIT_REQUESTED = "jingban.transfer.transfer-in.requested.v1";
    /** A command event refused (e.g. the person is not insured there); subject = transfer id, data = {@link Refused}. */
    public static final String REFUSED = "jingban.enrollment.transfer-hook.refused.v1";

    private TransferHooks() {
    }

    /** 中止参保 in the 转出地 for a transfer out; answer {@link Outcome}, event {@link PersonEvents#TRANSFER_SUSPENDED}. */
    public record Suspend(String transferId, String idNumber, String insuranceType, String regionCode) {
    }

    /**
     * Release of the insurance record (periods, months) and of the whole personal-account balance; answer and event
     * ({@link PersonEvents#RECORD_RELEASED}) {@link InsuranceRecord}.
     */
    public record Release(String transferId, String idNumber, String insuranceType, String regionCode) {
    }

    /**
     * Credit in the 转入地 of the periods and balance released elsewhere; answer {@link Outcome}, event
     * {@link PersonEvents#TRANSFER_IN_CREDITED}.
     *
     * @param fromRegionCode the 转出地 医保区划
     * @param periods        {@code from}/{@code to} as yyyy-MM, {@code regionCode}, {@code category}
     * @param balance        yuan, e.g. {@code "1234.50"} ({@code "0.00"} for 城乡居民)
     * @param category       人员类别 in the new pool (在职职工 / 灵活就业人员 / 退休人员 / 城乡居民), default 灵活就业人员
     */
    public record CreditIn(String transferId, String idNumber, String name, String insuranceType, String regionCode,
                           String fromRegionCode, List<PersonEvents.Period> periods, String balance, String category) {
    }

    /**
     * The released 参保记录.
     *
     * @param balance        yuan actually debited from the account ({@code "0.00"} when none)
     * @param accountEntryId the {@code TRANSFER_OUT} account entry, null when no balance moved
     * @param idType         证件类型 as registered (表10 prints it as given), e.g. 居民身份证, 护照
     */
    public record InsuranceRecord(String transferId, String personId, String idNumber, String name, String insuranceType,
                                  String regionCode, List<PersonEvents.Period> periods, long contributionMonths,
                                  String balance, String accountEntryId, String idType) {

        /** Without {@code idType} (a record from a publisher older than the field: 居民身份证 is then assumed). */
        public InsuranceRecord(String transferId, String personId, String idNumber, String name, String insuranceType,
                               String regionCode, List<PersonEvents.Period> periods, long contributionMonths,
                               String balance, String accountEntryId) {
            this(transferId, personId, idNumber, name, insuranceType, regionCode, periods, contributionMonths, balance,
                    accountEntryId, null);
        }
    }

    /** Answer to suspend and credit-in: the insurance's status and months, and the account balance, after the command. */
    public record Outcome(String transferId, String personId, String insuranceType, String regionCode, String status,
                          long contributionMonths, String balance) {
    }

    /**
     * Data of {@link #REFUSED}.
     *
     * @param commandType the refused command's event type, e.g. {@link #RELEASE_REQUESTED}
     * @param reasons     every reason at once (一次性告知)
     */
    public record Refused(String transferId, String commandType, List<Reason> reasons) {
    }
}
