package org.jingban.transfer.api;

import java.util.List;
import java.util.Map;

import org.jingban.enrollment.api.PersonEvents;
import org.jingban.enrollment.api.TransferHooks;
import org.jingban.platform.signing.ElectronicSeal;

/**
 * The public events of 转移接续 on {@link TransferTopics#EVENTS} between the 转入地 and the 转出地 (both served by
 * transfer-service) and, translated by its national adapter, to and from offices in other provinces. Subject = transfer id.
 */
public final class TransferEvents {

    /** 转入地 → 转出地: 《联系函》; data = {@link ContactLetter}. */
    public static final String CONTACT_LETTER_ISSUED = "jingban.transfer.contact-letter.issued.v1";
    /** 转出地 → 转入地: 《信息表》(表10, sealed) together with the fund transfer (划转资金); data = {@link InfoSheet}. */
    public static final String INFO_SHEET_ISSUED = "jingban.transfer.info-sheet.issued.v1";
    /** 转出地 → 转入地: the 转出地 cannot release (e.g. coverage not suspended); data = {@link Refusal}. */
    public static final String TRANSFER_OUT_REFUSED = "jingban.transfer.transfer-out.refused.v1";
    /** 转入地 → 转出地 and ops: a 信息表 whose seal or funds did not verify was refused; data = {@link Refusal}. */
    public static final String INFO_SHEET_REFUSED = "jingban.transfer.info-sheet.refused.v1";

    /*
     * The hook commands this service publishes on its topic for enrollment-service. Their type names and data records
     * are the receiver's contract (enrollment-service-api's TransferHooks); named here so that this topic's list is whole.
     */
    /** 中止参保 in the 转出地; data = {@link TransferHooks.Suspend}. */
    public static final String SUSPEND_REQUESTED = TransferHooks.SUSPEND_REQUESTED;
    /** Release of the record and balance in the 转出地; data = {@link TransferHooks.Release}. */
    public static final String RELEASE_REQUESTED = TransferHooks.RELEASE_REQUESTED;
    /** Credit of the periods and balance in the 转入地; data = {@link TransferHooks.CreditIn}. */
    public static final String CREDIT_REQUESTED = TransferHooks.CREDIT_REQUESTED;

    private TransferEvents() {
    }

    /**
     * @param insuranceType    enrollment-service's 险种 ({@code org.jingban.enrollment.api.InsuranceTypes})
     * @param receivingPeriods the person's periods in the 转入地 pool, for the 转出地 to list overlaps (重复参保)
     * @param letter           the 《联系函》 as issued (its form's field names)
     */
    public record ContactLetter(String transferId, String caseNumber, String idNumber, String name, String insuranceType,
                                String fromRegionCode, String toRegionCode, List<PersonEvents.Period> receivingPeriods,
                                Map<String, Object> letter) {
    }

    /**
     * The fund transfer of the personal-account balance (个人账户实际转出资金).
     *
     * @param amount    yuan, e.g. {@code "1234.50"}
     * @param reference the 转出地's account entry of the debit
     */
    public record FundTransfer(String amount, String fromRegionCode, String toRegionCode, String reference) {
    }

    /**
     * @param sheet the 表10 content (its field names), exactly what {@code seal} signs
     */
    public record InfoSheet(String transferId, String fromRegionCode, String toRegionCode, Map<String, Object> sheet,
                            ElectronicSeal seal, FundTransfer funds) {
    }

    /** @param reasons every reason, in Chinese, for the case's 不予办理 / ops */
    public record Refusal(String transferId, String fromRegionCode, String toRegionCode, List<String> reasons) {
    }
}
