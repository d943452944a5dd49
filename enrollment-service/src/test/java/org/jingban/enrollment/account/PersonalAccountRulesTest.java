package org.jingban.enrollment.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.jingban.enrollment.api.AccountEvents;
import org.jingban.platform.cases.Reason;
import org.junit.jupiter.api.Test;

/** The ledger's rules on the aggregate alone (no store): every refusal reason, and what a post changes. */
class PersonalAccountRulesTest {

    static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");

    private static PersonalAccount withBalance(long fen) {
        PersonalAccount a = PersonalAccount.open("p1", "620602199001011230", "张三", "620600", AT);
        if (fen > 0) {
            a.post(PostEntry.credit(EntryKind.CONTRIBUTION, fen, "c", "202611", null), Optional.empty(), false, AT);
        }
        return a;
    }

    private static AccountEntry posted(PersonalAccount.Posting p) {
        assertThat(p).isInstanceOf(PersonalAccount.Posted.class);
        return ((PersonalAccount.Posted) p).entry();
    }

    private static java.util.List<String> refused(PersonalAccount.Posting p) {
        assertThat(p).isInstanceOf(PersonalAccount.Refused.class);
        return ((PersonalAccount.Refused) p).reasons().stream().map(Reason::code).toList();
    }

    @Test
    void a_debit_takes_from_the_balance_and_records_the_balance_after_it() {
        PersonalAccount a = withBalance(100_00);
        AccountEntry e = posted(a.post(PostEntry.debit(EntryKind.DEBIT, 30_00, "d", "结算单", null), Optional.empty(), false, AT));
        assertThat(e.amountFen()).isEqualTo(-30_00);
        assertThat(e.balanceAfterFen()).isEqualTo(70_00);
        assertThat(e.sequence()).isEqualTo(2);
        assertThat(a.getBalanceFen()).isEqualTo(70_00);
        assertThat(a.getOutbox()).extracting(o -> o.type()).containsExactly(AccountEvents.CREDITED, AccountEvents.DEBITED);
    }

    @Test
    void a_debit_beyond_the_balance_or_not_positive_is_refused_and_changes_nothing() {
        PersonalAccount a = withBalance(10_00);
        assertThat(refused(a.post(PostEntry.debit(EntryKind.DEBIT, 10_01, "d", null, null), Optional.empty(), false, AT)))
                .containsExactly("insufficient-balance");
        assertThat(refused(a.post(PostEntry.debit(EntryKind.DEBIT, 0, "d", null, null), Optional.empty(), false, AT)))
                .containsExactly("not-positive");
        assertThat(a.getBalanceFen()).isEqualTo(10_00);
        assertThat(a.getJournal()).hasSize(1);
    }

    @Test
    void a_withdrawal_takes_the_whole_balance_and_closes_the_account_for_debits_but_not_for_transfer_in() {
        PersonalAccount a = withBalance(55_55);
        AccountEntry w = posted(a.post(new PostEntry(EntryKind.WITHDRAWAL, PostEntry.WHOLE_BALANCE, "w", "办件", null, null),
                Optional.empty(), false, AT));
        assertThat(w.amountFen()).isEqualTo(-55_55);
        assertThat(a.getBalanceFen()).isZero();
        assertThat(a.getStatus()).isEqualTo(PersonalAccount.Status.CLOSED);
        assertThat(refused(a.post(PostEntry.credit(EntryKind.CONTRIBUTION, 1_00, "c2", null, null), Optional.empty(), false, AT)))
                .containsExactly("account-closed");
        posted(a.post(PostEntry.credit(EntryKind.TRANSFER_IN, 9_00, "t", null, null), Optional.empty(), false, AT));
        assertThat(a.getStatus()).isEqualTo(PersonalAccount.Status.OPEN);
    }

    @Test
    void a_reversal_undoes_one_entry_once_and_never_a_reversal() {
        PersonalAccount a = withBalance(20_00);
        AccountEntry debit = posted(a.post(PostEntry.debit(EntryKind.DEBIT, 5_00, "d", null, null), Optional.empty(), false, AT));
        AccountEntry reversal = posted(a.post(PostEntry.reversal(debit.id(), "r", null, null), Optional.of(debit), false, AT));
        assertThat(reversal.amountFen()).isEqualTo(5_00);
        assertThat(a.getBalanceFen()).isEqualTo(20_00);
        assertThat(refused(a.post(PostEntry.reversal(debit.id(), "r2", null, null), Optional.of(debit), true, AT)))
                .containsExactly("already-reversed");
        assertThat(refused(a.post(PostEntry.reversal(reversal.id(), "r3", null, null), Optional.of(reversal), false, AT)))
                .containsExactly("reversal-of-reversal");
        assertThat(refused(a.post(PostEntry.reversal("p1:99", "r4", null, null), Optional.empty(), false, AT)))
                .containsExactly("entry-not-found");
        // reversing a credit that was already spent would make the balance negative
        AccountEntry credit = a.getJournal().get(0);
        posted(a.post(PostEntry.debit(EntryKind.DEBIT, 20_00, "d2", null, null), Optional.empty(), false, AT));
        assertThat(refused(a.post(PostEntry.reversal(credit.id(), "r5", null, null), Optional.of(credit), false, AT)))
                .containsExactly("insufficient-balance");
    }
}
