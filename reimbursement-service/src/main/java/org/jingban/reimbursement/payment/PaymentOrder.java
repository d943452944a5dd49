package org.jingban.reimbursement.payment;

import org.jingban.platform.payments.BankPort;
import java.time.Instant;
import java.util.List;

import org.jingban.platform.benefits.YearToDate;
import org.jingban.platform.messaging.AggregateDocument;
import org.jingban.platform.messaging.OutboxEvent;
import org.jingban.platform.money.Money;
import org.jingban.reimbursement.api.PaymentEvents;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The payment of one reimbursement (拨付): made once per case (its id is the case's), with the amount the calculator
 * fixed at 拨付 and the account named at 申请; ORDERED → SENT (the bank took it) → CONFIRMED (booked). A crash at any
 * point leaves it in one of these states, from which {@link PaymentOrders} carries it on.
 */
@Document("payment_orders")
public class PaymentOrder extends AggregateDocument {

    public enum Status {
        ORDERED("已下达"), SENT("已提交银行"), CONFIRMED("已到账"), REJECTED("银行退回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

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

    private String caseNumber;
    private String itemCode;
    private String claimId;
    private String idNumber;
    private String regionCode;
    private int policyYear;
    private String accountNumber;
    private String bankName;
    private String holder;
    private long amountFen;
    private long fundFen;
    private long criticalIllnessFen;
    private long assistanceFen;
    private List<Line> breakdown;
    private List<String> invoiceNumbers;
    /** What this payment adds to the person's year (the calculator's after − before), applied once. */
    private Usage used;
    /** Whether the case was completed after the confirmation (a crash between the two is carried on). */
    private boolean caseCompleted;
    private Status status;
    private String bankReference;
    private String rejection;
    private Instant orderedAt;
    private Instant sentAt;
    private Instant confirmedAt;

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
        o.id = t.caseId();
        o.caseNumber = t.caseNumber();
        o.itemCode = t.itemCode();
        o.claimId = t.claimId();
        o.idNumber = t.idNumber();
        o.regionCode = t.regionCode();
        o.policyYear = t.policyYear();
        o.accountNumber = t.accountNumber();
        o.bankName = t.bankName();
        o.holder = t.holder();
        o.amountFen = t.amount().fen();
        o.fundFen = t.fund().fen();
        o.criticalIllnessFen = t.criticalIllness().fen();
        o.assistanceFen = t.assistance().fen();
        o.breakdown = List.copyOf(t.breakdown());
        o.invoiceNumbers = List.copyOf(t.invoiceNumbers());
        o.used = Usage.of(t.used());
        o.status = Status.ORDERED;
        o.orderedAt = at;
        o.publish(PaymentEvents.ORDERED);
        return o;
    }

    /** The bank took it (false: nothing changes). */
    boolean sent(String reference, Instant at) {
        if (status != Status.ORDERED) {
            return false;
        }
        status = Status.SENT;
        bankReference = reference;
        sentAt = at;
        return true;
    }

    /** The bank booked it (false: it was confirmed before). */
    boolean confirm(String reference, Instant at) {
        if (status == Status.CONFIRMED) {
            return false;
        }
        status = Status.CONFIRMED;
        bankReference = reference;
        confirmedAt = at;
        publish(PaymentEvents.CONFIRMED);
        return true;
    }

    boolean reject(String reason, Instant at) {
        if (status == Status.CONFIRMED || status == Status.REJECTED) {
            return false;
        }
        status = Status.REJECTED;
        rejection = reason;
        confirmedAt = at;
        return true;
    }

    boolean caseCompleted() {
        if (caseCompleted) {
            return false;
        }
        caseCompleted = true;
        return true;
    }

    /** What the 已完成 message names: 金额, 收款人, 银行 and the account's last four digits (never the whole number). */
    public java.util.Map<String, Object> resultDetails() {
        java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("amount", amount().toString());
        if (holder != null) {
            d.put("payee", holder);
        }
        if (bankName != null) {
            d.put("bank", bankName);
        }
        if (accountNumber != null && accountNumber.length() >= 4) {
            d.put("accountTail", accountNumber.substring(accountNumber.length() - 4));
        }
        return d;
    }

    public boolean nothingToPay() {
        return amountFen == 0;
    }

    public Money amount() {
        return Money.ofFen(amountFen);
    }

    BankPort.Transfer transfer() {
        return new BankPort.Transfer(id, accountNumber, bankName, holder, amountFen, "医疗费用手工报销 " + caseNumber);
    }

    private void publish(String type) {
        String account = accountNumber == null || accountNumber.length() < 4 ? ""
                : accountNumber.substring(accountNumber.length() - 4);
        enqueue(OutboxEvent.of(type, id, regionCode, new PaymentEvents.Payment(id, caseNumber, itemCode, idNumber,
                regionCode, policyYear, Money.ofFen(amountFen).toString(), Money.ofFen(fundFen).toString(),
                Money.ofFen(criticalIllnessFen).toString(), Money.ofFen(assistanceFen).toString(), account,
                invoiceNumbers, status.name(), used == null ? YearToDate.ZERO : used.yearToDate())));
    }

    public String getCaseNumber() { return caseNumber; }
    public String getItemCode() { return itemCode; }
    public String getClaimId() { return claimId; }
    public String getIdNumber() { return idNumber; }
    public String getRegionCode() { return regionCode; }
    public int getPolicyYear() { return policyYear; }
    public String getAccountNumber() { return accountNumber; }
    public String getBankName() { return bankName; }
    public long getAmountFen() { return amountFen; }
    public List<Line> getBreakdown() { return breakdown; }
    public List<String> getInvoiceNumbers() { return invoiceNumbers; }
    public YearToDate getUsed() { return used.yearToDate(); }
    public boolean isCaseCompleted() { return caseCompleted; }
    public Status getStatus() { return status; }
    public String getBankReference() { return bankReference; }
    public String getRejection() { return rejection; }
    public Instant getOrderedAt() { return orderedAt; }
    public Instant getSentAt() { return sentAt; }
    public Instant getConfirmedAt() { return confirmedAt; }
}
