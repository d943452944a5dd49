package org.jingban.settlement.api;

import java.time.LocalDate;

import org.jingban.platform.benefits.YearToDate;

/**
 * Events of 直接结算 (联网结算) on {@link SettlementTopics#EVENTS}; subject = the settlement's id; data =
 * {@link Settlement}. reimbursement-service keeps the invoice numbers of bills settled directly, so that such a bill is
 * never reimbursed again by hand (手工零星报销 is for bills "未能联网结算", seed 002 §十七–十八), and frees one whose
 * settlement was reversed (退费冲正).
 */
public final class SettlementEvents {

    /** A bill was settled at the institution: the fund paid its share, the invoice is spent. */
    public static final String SETTLED = "jingban.settlement.settlement.settled.v1";
    /** A settlement was reversed (冲正): the invoice is as if never settled. */
    public static final String REVERSED = "jingban.settlement.settlement.reversed.v1";

    private SettlementEvents() {
    }

    /**
     * One direct settlement. Amounts are yuan as strings with two decimals ({@code "1234.50"}), never floating point.
     *
     * @param settlementId    结算流水号
     * @param invoiceNumber   医疗收费票据号码 of the bill (upper case, no spaces)
     * @param idNumber        证件号码 of the insured person
     * @param institutionCode 定点医药机构编码
     * @param visitType       OUTPATIENT, CHRONIC_OUTPATIENT or INPATIENT
     * @param policyYear      the year whose accumulations the settlement counted in
     * @param fund            基本医疗保险统筹基金支付
     * @param criticalIllness 大病保险支付
     * @param assistance      医疗救助支付
     * @param eligible        政策范围内费用
     * @param used            what the settlement added to the person's year (起付线, 统筹基金, 门诊统筹 …): every
     *                        channel that pays counts one year (reimbursement-service adds it, and takes it out again on
     *                        {@link #REVERSED}); null from a producer that does not count
     */
    public record Settlement(String settlementId, String invoiceNumber, String idNumber, String institutionCode,
                             String visitType, LocalDate settledOn, int policyYear, String total, String eligible,
                             String fund, String criticalIllness, String assistance, String personalAccount,
                             String cash, YearToDate used) {
    }
}
