package org.jingban.settlement.monthly;

import org.jingban.platform.payments.BankPort;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jingban.platform.messaging.AggregateDocument;
import org.jingban.platform.money.Money;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The 拨付 of one monthly settlement to the institution: one per case (its id is the case's), with the 结算单据's amount
 * and the account named in the declaration; ORDERED → SENT (the bank took it) → CONFIRMED (booked), or REJECTED.
 * {@link InstitutionPayments} carries it on from whichever state a crash left.
 */
@Document("institution_payment_orders")
public class InstitutionPaymentOrder extends AggregateDocument {

    public enum Status { ORDERED, SENT, CONFIRMED, REJECTED }

    private String caseNumber;
    private String itemCode;
    private String institutionCode;
    private String institutionName;
    private String month;
    private String accountNumber;
    private String bankName;
    private String holder;
    private long amountFen;
    private Status status;
    private String bankReference;
    private String rejection;
    private boolean caseCompleted;
    private Instant orderedAt;
    private Instant sentAt;
    private Instant confirmedAt;

    protected InstitutionPaymentOrder() {
    }

    static InstitutionPaymentOrder order(String caseId, String caseNumber, String itemCode, String institutionCode,
                                         String institutionName, String month, String accountNumber, String bankName,
                                         String holder, long amountFen, Instant at) {
        InstitutionPaymentOrder o = new InstitutionPaymentOrder();
        o.id = caseId;
        o.caseNumber = caseNumber;
        o.itemCode = itemCode;
        o.institutionCode = institutionCode;
        o.institutionName = institutionName;
        o.month = month;
        o.accountNumber = accountNumber;
        o.bankName = bankName;
        o.holder = holder;
        o.amountFen = amountFen;
        o.status = Status.ORDERED;
        o.orderedAt = at;
        return o;
    }

    boolean sent(String reference, Instant at) {
        if (status != Status.ORDERED) {
            return false;
        }
        status = Status.SENT;
        bankReference = reference;
        sentAt = at;
        return true;
    }

    boolean confirm(String reference, Instant at) {
        if (status == Status.CONFIRMED) {
            return false;
        }
        status = Status.CONFIRMED;
        bankReference = reference;
        confirmedAt = at;
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

    BankPort.Transfer transfer() {
        return new BankPort.Transfer(id, accountNumber, bankName, holder, amountFen,
                "医保结算款 " + month + " " + caseNumber);
    }

    /** What the 已完成 message names: 金额 (and in capitals), 结算月份, 收款单位, 银行 and the account's last four digits. */
    Map<String, Object> resultDetails() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("amount", Money.format(amountFen));
        d.put("amountInCapitals", Money.ofFen(amountFen).capitals());
        d.put("month", month);
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

    public String getCaseNumber() { return caseNumber; }
    public String getItemCode() { return itemCode; }
    public String getInstitutionCode() { return institutionCode; }
    public String getInstitutionName() { return institutionName; }
    public String getMonth() { return month; }
    public String getAccountNumber() { return accountNumber; }
    public String getBankName() { return bankName; }
    public String getHolder() { return holder; }
    public long getAmountFen() { return amountFen; }
    public Status getStatus() { return status; }
    public String getBankReference() { return bankReference; }
    public String getRejection() { return rejection; }
    public boolean isCaseCompleted() { return caseCompleted; }
    public Instant getOrderedAt() { return orderedAt; }
    public Instant getSentAt() { return sentAt; }
    public Instant getConfirmedAt() { return confirmedAt; }
}
