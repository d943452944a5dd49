package org.jingban.reimbursement.payment;

import java.time.Instant;
import java.util.List;

import org.jingban.platform.benefits.YearToDate;
import org.jingban.platform.messaging.OutboxEvent;
import org.jingban.platform.money.Money;
import org.jingban.platform.payments.BankOrder;
import org.jingban.reimbursement.api.PaymentEvents;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The payment of one reimbursement (拨付): made once per case (its id is the case's), with the amount the calculator
 * fixed at 拨付 and the account named at 申请; ORDERED → SENT (the bank took it) → CONFIRMED (booked). A crash at any
 * point leaves it in one of these states, from which {@link PaymentOrders} carries it on.
 */
@Document("payment_orders")
public class PaymentOrder extends BankOrder {

    /** {@link YearToDate} in whole fen, as stored. */
    record Usage(long deductiblePaid, long basicFundPaid, long outpatientFundPaid, long chronicFundPaid,
                 long criticalIllnessPaid, long assistancePaid, long eligiblePersonalShare) {

        static Usage of(YearToDate y) {
            return new Usage(y.deductiblePaid().fen(), y.basicFundPaid().fen(), y.outpatientFundPaid().fen(),
                    y.chronicFundPaid().fen(), y.criticalIllnessPaid().fen(), y.assistancePaid().fen(),
                    y.eligiblePersonalShare().fen());
        }

        YearToDate yearToDate() {
            return new YearToDate(Money.ofFen(deductiblePaid), Money.ofFen(basicFundPaid), Money.ofFen(outpatientFundPaid),
                    Money.ofFen(chronicFundPaid), Money.ofFen(criticalIllnessPaid), Money.ofFen(assistancePaid),
                    Money.ofFen(eligiblePersonalShare));
        }
    }

    /** One line of the calculation, for the clerk who explains it. */
    public record Line(String rule, String text, String amount) {
    }

    private String itemCode;
    private String claimId;
    private String idNumber;
    private String regionCode;
    private int policyYear;
    private long fundFen;
    private long criticalIllnessFen;
    private long assistanceFen;
    private List<Line> breakdown;
    private List<String> invoiceNumbers;
    /** What this payment adds to the person's year (the calculator's after − before), applied once. */
    private Usage used;

    protected PaymentOrder() {
    }

    /** What 拨付 fixed. */
    public record Terms(String caseId, String caseNumber, String itemCode, String claimId, String idNumber,
                        String regionCode, int policyYear, String accountNumber, String bankName, String holder,
                        Money amount, Money fund, Money criticalIllness, Money assistance, List<Line> breakdown,
                        List<String> invoiceNumbers, YearToDate used) {
    }

    public static PaymentOrder order(Terms t, Instant at) {
        PaymentOrder o = new PaymentOrder();
        o.ordered(t.caseId(), t.caseNumber(), t.accountNumber(), t.bankName(), t.holder(), t.amount().fen(), at);
        o.itemCode = t.itemCode();
        o.claimId = t.claimId();
        o.idNumber = t.idNumber();
        o.regionCode = t.regionCode();
        o.policyYear = t.policyYear();
        o.fundFen = t.fund().fen();
        o.criticalIllnessFen = t.criticalIllness().fen();
        o.assistanceFen = t.assistance().fen();
        o.breakdown = List.copyOf(t.breakdown());
        o.invoiceNumbers = List.copyOf(t.invoiceNumbers());
        o.used = Usage.of(t.used());
        o.publish(PaymentEvents.ORDERED);
        return o;
    }

    @Override
    protected void onConfirmed() {
        publish(PaymentEvents.CONFIRMED);
    }

    @Override
    protected String remark() {
        return "医疗费用手工报销 " + caseNumber;
    }

    public Money amount() {
        return Money.ofFen(amountFen);
    }

    private void publish(String type) {
        String account = accountNumber == null || accountNumber.length() < 4 ? ""
                : accountNumber.substring(accountNumber.length() - 4);
        enqueue(OutboxEvent.of(type, id, regionCode, new PaymentEvents.Payment(id, caseNumber, itemCode, idNumber,
                regionCode, policyYear, Money.ofFen(amountFen).toString(), Money.ofFen(fundFen).toString(),
                Money.ofFen(criticalIllnessFen).toString(), Money.ofFen(assistanceFen).toString(), account,
                invoiceNumbers, getStatus().name(), used == null ? YearToDate.ZERO : used.yearToDate())));
    }

    public String getItemCode() { return itemCode; }
    public String getClaimId() { return claimId; }
    public String getIdNumber() { return idNumber; }
    public String getRegionCode() { return regionCode; }
    public int getPolicyYear() { return policyYear; }
    public List<Line> getBreakdown() { return breakdown; }
    public List<String> getInvoiceNumbers() { return invoiceNumbers; }
    public YearToDate getUsed() { return used.yearToDate(); }
}
