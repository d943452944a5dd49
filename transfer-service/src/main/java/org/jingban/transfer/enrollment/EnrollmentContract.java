package org.jingban.transfer.enrollment;

import java.util.List;

/**
 * enrollment-service's contract for transfers (enrollment-service/README.md, "Transfer hooks"), as this service
 * uses it: the commands it publishes on its own topic and the events it reads from {@code jingban.enrollment.events}.
 * Kept here as plain records rather than a dependency on the other service's code.
 */
public final class EnrollmentContract {

    public static final String TOPIC = "jingban.enrollment.events";

    /** Commands (published on {@code jingban.transfer.events}, data = the records below). */
    public static final String SUSPEND_REQUESTED = "jingban.transfer.enrollment-suspension.requested.v1";
    public static final String RELEASE_REQUESTED = "jingban.transfer.record-release.requested.v1";
    public static final String CREDIT_REQUESTED = "jingban.transfer.transfer-in.requested.v1";

    /** Events read. */
    public static final String PERSON_ENROLLED = "jingban.enrollment.person.enrolled.v1";
    public static final String PERSON_CHANGED = "jingban.enrollment.person.changed.v1";
    public static final String TRANSFER_SUSPENDED = "jingban.enrollment.person.transfer-suspended.v1";
    public static final String RECORD_RELEASED = "jingban.enrollment.insurance-record.released.v1";
    public static final String TRANSFER_IN_CREDITED = "jingban.enrollment.transfer-in.credited.v1";
    public static final String ACCOUNT_CREDITED = "jingban.enrollment.account.credited.v1";
    public static final String ACCOUNT_DEBITED = "jingban.enrollment.account.debited.v1";
    public static final String HOOK_REFUSED = "jingban.enrollment.transfer-hook.refused.v1";

    public static final String EMPLOYEE_INSURANCE = "职工基本医疗保险";
    public static final String RESIDENT_INSURANCE = "城乡居民基本医疗保险";

    private EnrollmentContract() {
    }

    public record Period(String from, String to, String regionCode, String unitId, String category, String source) {
    }

    public record Insurance(String insuranceType, String regionCode, String unitId, String unitName, String category,
                            String status, String statusLabel, List<Period> periods, long contributionMonths) {
    }

    /** Data of the person events. */
    /** @param transferId on {@code transfer-in.credited}: the transfer whose credit it is (null on other events) */
    public record Person(String personId, String idNumber, String name, String what, String regionCode,
                         List<Insurance> insurances, String transferId) {
    }

    /** Data of account.credited / account.debited. */
    public record Posted(String accountId, String personId, String regionCode, String entryId, long sequence, String kind,
                         String amount, String balanceAfter, String idempotencyKey, String reference) {
    }

    public record Release(String transferId, String idNumber, String insuranceType, String regionCode) {
    }

    public record CreditIn(String transferId, String idNumber, String name, String insuranceType, String regionCode,
                           String fromRegionCode, List<Period> periods, String balance, String category) {
    }

    public record InsuranceRecord(String transferId, String personId, String idNumber, String name, String insuranceType,
                                  String regionCode, List<Period> periods, long contributionMonths, String balance,
                                  String accountEntryId) {
    }

    public record Reason(String field, String code, String message) {
    }

    public record Refused(String transferId, String commandType, List<Reason> reasons) {
    }
}
