package org.jingban.reimbursement.api;

import org.jingban.platform.benefits.YearToDate;

/**
 * Events of the payment of a manual reimbursement (手工零星报销 拨付) on {@link ReimbursementTopics#EVENTS}; subject =
 * the payment order's id (the case's id); data = {@link Payment}. Amounts are yuan as strings with two decimals.
 */
public final class PaymentEvents {

    /** 拨付: the order was made (the amount is fixed and counted in the person's year). */
    public static final String ORDERED = "jingban.reimbursement.payment.ordered.v1";
    /** The bank booked the transfer to the payee's account. */
    public static final String CONFIRMED = "jingban.reimbursement.payment.confirmed.v1";

    private PaymentEvents() {
    }

    /**
     * @param amount          报销金额 (统筹基金 + 大病保险 + 医疗救助)
     * @param accountTail     the last four digits of the payee's account (the rest never leaves the service)
     * @param invoiceNumbers  the invoices it paid, each spent for good
     * @param used            what the payment added to the person's medical year (zero for 生育保险): settlement-service
     *                        adds it, so that a direct settlement after a manual claim meets the same 起付线 and caps
     */
    public record Payment(String orderId, String caseNumber, String itemCode, String idNumber, String regionCode,
                          int policyYear, String amount, String fund, String criticalIllness, String assistance,
                          String accountTail, java.util.List<String> invoiceNumbers, String status, YearToDate used) {
    }
}
