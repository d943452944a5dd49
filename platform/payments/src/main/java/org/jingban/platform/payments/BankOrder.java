package org.jingban.platform.payments;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jingban.platform.messaging.AggregateDocument;

/**
 * One payment through the {@link BankPort} (拨付), made once per case — its id is the case's — and carried
 * ORDERED → SENT (the bank took it) → CONFIRMED (booked), or REJECTED, from whichever state a crash left, by
 * {@link BankOrders}. A service's order extends it with what it pays for (a reimbursement's calculation, a month's
 * statement) and publishes its own events on {@link #onConfirmed()}.
 */
public abstract class BankOrder extends AggregateDocument {

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

    protected String caseNumber;
    protected String accountNumber;
    protected String bankName;
    protected String holder;
    protected long amountFen;
    private Status status;
    private String bankReference;
    private String rejection;
    private boolean caseCompleted;
    private Instant orderedAt;
    private Instant sentAt;
    private Instant confirmedAt;

    protected BankOrder() {
    }

    /** The order made: the case it pays for, the payee's account and the amount in fen. */
    protected void ordered(String caseId, String caseNumber, String accountNumber, String bankName, String holder,
                           long amountFen, Instant at) {
        this.id = caseId;
        this.caseNumber = caseNumber;
        this.accountNumber = accountNumber;
        this.bankName = bankName;
        this.holder = holder;
        this.amountFen = amountFen;
        this.status = Status.ORDERED;
        this.orderedAt = at;
    }

    /** The remark the bank prints with the transfer. */
    protected abstract String remark();

    /** What happens when the bank booked it (events); nothing by default. */
    protected void onConfirmed() {
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
        onConfirmed();
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
        return new BankPort.Transfer(id, accountNumber, bankName, holder, amountFen, remark());
    }

    /** What the 已完成 message names: 金额, 收款人, 银行 and the account's last four digits (never the whole number). */
    public Map<String, Object> resultDetails() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("amount", org.jingban.platform.money.Money.format(amountFen));
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
