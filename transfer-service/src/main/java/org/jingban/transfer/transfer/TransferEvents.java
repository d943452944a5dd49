package org.jingban.transfer.transfer;

import java.util.List;
import java.util.Map;

import org.jingban.transfer.enrollment.EnrollmentContract;
import org.jingban.transfer.signing.ElectronicSeal;

/**
 * The public events of 转移接续 on {@code jingban.transfer.events} between the 转入地 and the 转出地 (both served here),
 * and, translated by the national adapter, to and from offices in other provinces. Subject = transfer id.
 */
public final class TransferEvents {

    /** 转入地 → 转出地: 《联系函》. */
    public static final String CONTACT_LETTER_ISSUED = "jingban.transfer.contact-letter.issued.v1";
    /** 转出地 → 转入地: 《信息表》(表10, sealed) together with the fund transfer (划转资金). */
    public static final String INFO_SHEET_ISSUED = "jingban.transfer.info-sheet.issued.v1";
    /** 转出地 → 转入地: the 转出地 cannot release (e.g. coverage not suspended); the case ends with the reasons. */
    public static final String TRANSFER_OUT_REFUSED = "jingban.transfer.transfer-out.refused.v1";
    /** 转入地 → 转出地 and ops: a 信息表 whose seal did not verify was refused (flagged for ops). */
    public static final String INFO_SHEET_REFUSED = "jingban.transfer.info-sheet.refused.v1";

    private TransferEvents() {
    }

    /**
     * @param receivingPeriods the person's periods in the 转入地 pool, for the 转出地 to list overlaps (重复参保)
     * @param letter           the 《联系函》 as issued
     */
    public record ContactLetter(String transferId, String caseNumber, String idNumber, String name, String insuranceType,
                                String fromRegionCode, String toRegionCode,
                                List<EnrollmentContract.Period> receivingPeriods, Map<String, Object> letter) {
    }

    /** The fund transfer of the personal-account balance (个人账户实际转出资金). */
    public record FundTransfer(String amount, String fromRegionCode, String toRegionCode, String reference) {
    }

    public record InfoSheet(String transferId, String fromRegionCode, String toRegionCode, Map<String, Object> sheet,
                            ElectronicSeal seal, FundTransfer funds) {
    }

    public record Refusal(String transferId, String fromRegionCode, String toRegionCode, List<String> reasons) {
    }
}
