package org.jingban.enrollment.withdrawal;

import java.time.Clock;

import org.jingban.enrollment.account.AccountLedger;
import org.jingban.enrollment.account.EntryKind;
import org.jingban.enrollment.account.PostEntry;
import org.jingban.enrollment.person.InsuredPerson;
import org.jingban.enrollment.person.InsuredPersons;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.service.items.CaseReaction;
import org.jingban.platform.service.items.ItemSubmissions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What a 一次性支取 case does to the account: the whole balance is paid once when 拨付 is completed (ledger key
 * {@code withdrawal:<caseId>}, the account closes at zero), and the application's end is recorded as a
 * {@link Withdrawal}. Everything is taken from the case itself — the account is the subject's, the reason is the
 * form's — so a payment never depends on a second document written after the case.
 */
@Component
public class WithdrawalPayments {

    public static final String PAYMENT_STAGE = "拨付";

    private final AccountLedger ledger;
    private final InsuredPersons persons;
    private final ReactiveMongoTemplate template;
    private final Clock clock;

    public WithdrawalPayments(AccountLedger ledger, InsuredPersons persons, ReactiveMongoTemplate template, Clock clock) {
        this.ledger = ledger;
        this.persons = persons;
        this.template = template;
        this.clock = clock;
    }

    /** 拨付 completed: pay. */
    @CaseReaction(item = Withdrawals.ITEM, on = CaseEvents.STAGE_COMPLETED, stage = PAYMENT_STAGE)
    public Mono<Withdrawal> pay(Case c) {
        String reason = ItemSubmissions.form(c, WithdrawalForm.class).reason();
        return account(c).flatMap(accountId -> ledger.post(accountId, new PostEntry(EntryKind.WITHDRAWAL,
                        PostEntry.WHOLE_BALANCE, "withdrawal:" + c.getId(), c.getCaseNumber(), null,
                        "个人账户一次性支取（" + reason + "）"))
                .flatMap(posted -> template.save(new Withdrawal(c.getId(), accountId, reason, Withdrawal.Status.PAID,
                        -posted.entry().amountFen(), posted.entry().id(), clock.instant()))));
    }

    /**
     * 办结: a chain without 拨付 (the national template's 申请—受理—审核—办结) pays now; after 拨付 the ledger key finds
     * the payment made and this changes nothing.
     */
    @CaseReaction(item = Withdrawals.ITEM)
    public Mono<Withdrawal> payAtCompletion(Case c) {
        return pay(c);
    }

    /** 不予受理, 未通过 or 撤回: the application ended without payment. */
    @CaseReaction(item = Withdrawals.ITEM, on = {CaseEvents.REJECTED, CaseEvents.REFUSED, CaseEvents.WITHDRAWN})
    public Mono<Withdrawal> close(Case c) {
        return template.findById(c.getId(), Withdrawal.class)
                .filter(w -> w.status() == Withdrawal.Status.PAID)
                .switchIfEmpty(Mono.defer(() -> account(c).flatMap(accountId -> template.save(new Withdrawal(c.getId(),
                        accountId, ItemSubmissions.form(c, WithdrawalForm.class).reason(), Withdrawal.Status.CLOSED, null,
                        null, clock.instant())))));
    }

    /**
     * The account paid out, as named at 申请; cases from before that was recorded: the subject's account, found by
     * 证件号码. None at all is an error (retried, then dead-lettered for ops), never a silently skipped payment.
     */
    private Mono<String> account(Case c) {
        Object named = c.getForm().get(Withdrawals.ACCOUNT);
        return (named instanceof String id ? Mono.just(id)
                : persons.findByIdNumber(c.getSubject().id()).map(InsuredPerson::getId))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("办件 " + c.getCaseNumber()
                        + " 找不到要支付的个人账户")));
    }
}
