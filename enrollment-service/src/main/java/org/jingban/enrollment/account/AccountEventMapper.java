package org.jingban.enrollment.account;

import org.jingban.enrollment.api.AccountEvents;
import org.jingban.platform.money.Money;

/** Builds the data of the account events (enrollment-service-api's {@link AccountEvents}) from the ledger. */
final class AccountEventMapper {

    private AccountEventMapper() {
    }

    /** The entry as posted; its kind travels as the {@link EntryKind} name (e.g. {@code TRANSFER_OUT}). */
    static AccountEvents.Posted posted(PersonalAccount account, AccountEntry entry) {
        return new AccountEvents.Posted(account.getId(), account.getId(), account.getRegionCode(), entry.id(),
                entry.sequence(), entry.kind() == null ? null : entry.kind().name(), Money.format(entry.amountFen()),
                Money.format(entry.balanceAfterFen()), entry.idempotencyKey(), entry.reference(), entry.reversalOf(),
                entry.postedAt());
    }
}
