package org.jingban.enrollment.account;

import java.time.Instant;

import org.jingban.enrollment.shared.Money;

/** Public events of the personal account, on {@code jingban.enrollment.events}; subject = account id (= person id). */
public final class AccountEvents {

    /** An entry added to the balance (缴费划入, 转入, 冲正 of a debit …). */
    public static final String CREDITED = "jingban.enrollment.account.credited.v1";
    /** An entry taken from the balance (支付, 一次性支取, 转出, 冲正 of a credit). */
    public static final String DEBITED = "jingban.enrollment.account.debited.v1";

    private AccountEvents() {
    }

    /**
     * Data of both events. Amounts are yuan strings; {@code amount} is signed like the entry.
     */
    public record Posted(String accountId, String personId, String regionCode, String entryId, long sequence,
                         EntryKind kind, String amount, String balanceAfter, String idempotencyKey, String reference,
                         String reversalOf, Instant postedAt) {

        static Posted of(PersonalAccount account, AccountEntry entry) {
            return new Posted(account.getId(), account.getId(), account.getRegionCode(), entry.id(), entry.sequence(),
                    entry.kind(), Money.format(entry.amountFen()), Money.format(entry.balanceAfterFen()),
                    entry.idempotencyKey(), entry.reference(), entry.reversalOf(), entry.postedAt());
        }
    }
}
