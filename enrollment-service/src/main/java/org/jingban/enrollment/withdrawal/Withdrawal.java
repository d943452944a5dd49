package org.jingban.enrollment.withdrawal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a 一次性支取 application ended (id = case id), written by {@link WithdrawalPayments} when it ends: PAID at 拨付
 * (the amount and the ledger entry), or CLOSED without payment (不予受理, 未通过, 撤回). While it runs, the application
 * is its case alone (one write at submission); the account is the subject's.
 */
@Document("withdrawals")
public record Withdrawal(@Id String id, String accountId, String reason, Status status, Long paidFen, String entryId,
                         Instant at) {

    /** PENDING is found only in documents written before the case became the pending application. */
    public enum Status { PENDING, PAID, CLOSED }
}
