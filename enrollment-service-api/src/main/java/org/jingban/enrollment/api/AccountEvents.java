package org.jingban.enrollment.api;

import java.time.Instant;

/** Events of the personal account (个人账户) on {@link EnrollmentTopics#EVENTS}; subject = account id (= person id). */
public final class AccountEvents {

    /** An entry added to the balance (缴费划入, 转入, 冲正 of a debit …). */
    public static final String CREDITED = "jingban.enrollment.account.credited.v1";
    /** An entry taken from the balance (支付, 一次性支取, 转出, 冲正 of a credit). */
    public static final String DEBITED = "jingban.enrollment.account.debited.v1";

    private AccountEvents() {
    }

    /**
     * Data of both events. Amounts are yuan strings with two decimals; {@code amount} is signed like the entry.
     *
     * @param sequence the entry's number in the account (1, 2, …): a consumer ignores an entry older than one it has
     * @param kind     {@code CONTRIBUTION}, {@code CREDIT}, {@code TRANSFER_IN}, {@code DEBIT}, {@code WITHDRAWAL},
     *                 {@code TRANSFER_OUT} or {@code REVERSAL} — a string, so that a new kind does not break a reader
     */
    public record Posted(String accountId, String personId, String regionCode, String entryId, long sequence,
                         String kind, String amount, String balanceAfter, String idempotencyKey, String reference,
                         String reversalOf, Instant postedAt) {
    }
}
