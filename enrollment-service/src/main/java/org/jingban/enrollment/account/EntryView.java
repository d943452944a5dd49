package org.jingban.enrollment.account;

import java.time.Instant;

import org.jingban.platform.money.Money;

/** An account entry (个人账户明细) as the API shows it: amounts signed, yuan with two decimals. */
public record EntryView(String entryId, long sequence, String kind, String kindLabel, String amount,
                        String balanceAfter, String idempotencyKey, String reference, String reversalOf,
                        String remark, Instant postedAt) {

    public static EntryView of(AccountEntry e) {
        return new EntryView(e.id(), e.sequence(), e.kind().name(), e.kind().label(), Money.format(e.amountFen()),
                Money.format(e.balanceAfterFen()), e.idempotencyKey(), e.reference(), e.reversalOf(), e.remark(),
                e.postedAt());
    }
}
