package org.jingban.transfer.api;

import java.time.Instant;
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
    /**
     * 转出地 → 转入地: an application accepted (受理) at the 转出地 for a 转入地 this system does not serve, handed to the
     * 转入地 (seed 002 §十一(十四): "向转入地或转出地医疗保障经办机构申请"), which answers with its 《联系函》
     * ({@link #CONTACT_LETTER_ISSUED}, same transfer id) or a refusal of every reason; data = {@link ForwardedApplication}.
     */
    public static final String APPLICATION_FORWARDED = "jingban.transfer.application.forwarded.v1";
    /**
     * 转入地 → 转出地: 转入地办结 — the periods and the balance of the 《信息表》 are credited in the 转入地, which ends
     * the transfer at the 转出地 too (and the 转出地's case, when the application was made there); data =
     * {@link Completion}.
     */
    public static final String TRANSFER_IN_COMPLETED = "jingban.transfer.transfer-in.completed.v1";

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

    /**
     * The application as the 转出地 accepted it, for the 转入地 to 受理.
     *
     * @param caseNumber    the 转出地's case (办件编号), where the applicant follows the progress
     * @param insuranceType enrollment-service's 险种 ({@code org.jingban.enrollment.api.InsuranceTypes})
     * @param application   表9 《基本医疗保险关系转移接续申请表》 as filled in (its printed field names, with its 编号)
     * @param certificate   the electronic 《参保凭证》 (表8) the application names, as the 转出地 issued and sealed it;
     *                      null when a paper one was handed in
     * @param materials     the 申请材料 the 转出地 checked
     */
    public record ForwardedApplication(String transferId, String caseNumber, String idNumber, String name, String phone,
                                       String insuranceType, String fromRegionCode, String toRegionCode,
                                       Map<String, Object> application, Certificate certificate, List<String> materials) {
    }

    /** An electronic 《参保凭证》: its number, its content (表8, field names as printed) and the issuing office's seal. */
    public record Certificate(String number, Map<String, Object> content, ElectronicSeal seal) {
    }

    /**
     * 转入地办结.
     *
     * @param caseNumber  the 转入地's case
     * @param months      the 参保缴费月数合计 of the 《信息表》 credited
     * @param amount      yuan credited to the personal account, e.g. {@code "1234.50"}
     */
    public record Completion(String transferId, String caseNumber, String fromRegionCode, String toRegionCode,
                             Long months, String amount, Instant completedAt) {
    }
}
