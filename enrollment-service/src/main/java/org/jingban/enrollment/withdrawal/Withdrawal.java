package org.jingban.enrollment.withdrawal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One 一次性支取 application (id = case id): PENDING until paid at 拨付 (PAID, with the amount) or ended without
 * payment (CLOSED: 不予受理, 未通过, 撤回). At most one PENDING per account.
 */
@Document("withdrawals")
public record Withdrawal(@Id String id, String accountId, String reason, Status status, Long paidFen, String entryId,
                         Instant at) {

    public enum Status { PENDING, PAID, CLOSED }
}
