package org.jingban.enrollment.transfer;

import java.util.List;

import org.jingban.enrollment.person.Period;

/**
 * The commands transfer-service sends (关系转移接续 hooks), over HTTP or as events on {@code jingban.transfer.events}.
 * Every command carries the transfer's id; repeating a command with the same id changes nothing and answers the same.
 * Contract: enrollment-service/README.md.
 */
public final class TransferCommands {

    /** Event types enrollment-service consumes on {@code jingban.transfer.events} (data = the records below). */
    public static final String SUSPEND_REQUESTED = "jingban.transfer.enrollment-suspension.requested.v1";
    public static final String RELEASE_REQUESTED = "jingban.transfer.record-release.requested.v1";
    public static final String CREDIT_REQUESTED = "jingban.transfer.transfer-in.requested.v1";

    private TransferCommands() {
    }

    /** 中止参保 in the 转出地 for a transfer out. */
    public record Suspend(String transferId, String idNumber, String insuranceType, String regionCode) {
    }

    /** Release of the insurance record (periods, months) and of the whole personal-account balance. */
    public record Release(String transferId, String idNumber, String insuranceType, String regionCode) {
    }

    /**
     * Credit in the 转入地 of the periods and balance released elsewhere.
     *
     * @param fromRegionCode the 转出地 医保区划
     * @param balance        yuan, e.g. {@code "1234.50"} ({@code "0.00"} for 城乡居民)
     * @param category       人员类别 in the new pool (在职职工 / 灵活就业人员 / 退休人员 / 城乡居民), default 灵活就业人员
     */
    public record CreditIn(String transferId, String idNumber, String name, String insuranceType, String regionCode,
                           String fromRegionCode, List<Period> periods, String balance, String category) {
    }

    /** The released 参保记录, answered by release and carried by {@code jingban.enrollment.insurance-record.released.v1}. */
    public record InsuranceRecord(String transferId, String personId, String idNumber, String name, String insuranceType,
                                  String regionCode, List<Period> periods, long contributionMonths, String balance,
                                  String accountEntryId) {
    }

    /** Answer to suspend and credit-in. */
    public record Outcome(String transferId, String personId, String insuranceType, String regionCode, String status,
                          long contributionMonths, String balance) {
    }

    /** Event data when a command from Kafka is refused ({@code jingban.enrollment.transfer-hook.refused.v1}). */
    public record Refused(String transferId, String commandType, List<org.jingban.platform.web.problem.Violation> reasons) {
    }

    public static final String REFUSED = "jingban.enrollment.transfer-hook.refused.v1";
}
