package org.jingban.enrollment.withdrawal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jingban.enrollment.CaseEffects;
import org.jingban.enrollment.account.AccountLedger;
import org.jingban.enrollment.account.EntryKind;
import org.jingban.enrollment.account.PersonalAccount;
import org.jingban.enrollment.account.PostEntry;
import org.jingban.enrollment.person.Insurance;
import org.jingban.enrollment.person.PersonAccess;
import org.jingban.enrollment.shared.Channels;
import org.jingban.enrollment.shared.ItemSubmissions;
import org.jingban.enrollment.shared.ItemSubmissions.Submitted;
import org.jingban.enrollment.shared.Materials;
import org.jingban.enrollment.shared.Submitters;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.MaterialStatus;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.SubmitCase;
import org.jingban.platform.security.Caller;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.jingban.platform.web.problem.Violations;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * 参保人员个人账户一次性支取 (622036002003): 申请—受理—审核—拨付—办结 within 15 working days through the case
 * kernel; the whole balance is paid exactly once when 拨付 is completed (ledger key {@code withdrawal:<caseId>}),
 * and the account is closed at zero.
 */
@Service
public class Withdrawals implements CaseEffects.ItemEffect {

    public static final String ITEM = "622036002003";
    public static final String PAYMENT_STAGE = "拨付";

    private final ReactiveMongoTemplate template;
    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final PersonAccess persons;
    private final AccountLedger ledger;
    private final Clock clock;

    public Withdrawals(ReactiveMongoTemplate template, Catalog catalog, ItemSubmissions submissions, PersonAccess persons,
                       AccountLedger ledger, Clock clock) {
        this.template = template;
        this.catalog = catalog;
        this.submissions = submissions;
        this.persons = persons;
        this.ledger = ledger;
        this.clock = clock;
    }

    public Mono<Submitted> apply(WithdrawalForm form, Caller caller) {
        new Violations().require("证件类型及号码", form.id() == null ? null : form.id().present()).throwIfAny();
        return persons.findByIdNumber(form.id().number())
                .zipWhen(p -> ledger.findById(p.getId()).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                .switchIfEmpty(Mono.error(() -> ProblemException.unprocessable("该人员没有职工医保个人账户",
                        List.of(new Violation("证件类型及号码", "no-account", "该人员没有职工医保个人账户")))))
                .flatMap(t -> {
                    var person = t.getT1();
                    PersonalAccount account = t.getT2().orElseThrow(() -> ProblemException.unprocessable("该人员没有职工医保个人账户",
                            List.of(new Violation("证件类型及号码", "no-account", "该人员没有职工医保个人账户"))));
                    String region = account.getRegionCode();
                    ItemDefinition item = catalog.item(ITEM, region);
                    Violations v = form.validate(item);
                    Channel channel = Channels.parse(form.channel(), v);
                    v.throwIfAny();
                    List<Violation> failed = new ArrayList<>();
                    if (account.getStatus() == PersonalAccount.Status.CLOSED) {
                        failed.add(new Violation("证件类型及号码", "account-closed", "个人账户已" + account.getClosedBy() + "，不能再支取"));
                    }
                    boolean active = person.insurance(Insurance.EMPLOYEE_INSURANCE, region)
                            .filter(i -> i.getStatus() == Insurance.Status.ACTIVE).isPresent();
                    if (active && !"其他".equals(form.reason())) {
                        failed.add(new Violation("支取原因", "still-insured",
                                "该人员仍在参保缴费，请先由单位或本人办理职工参保登记的终止，再申请一次性支取"));
                    }
                    List<MaterialStatus> materials = Materials.statuses(item, form::materialApplies, List.of(),
                            form.materials(), form.promised());
                    Party subject = Party.person(person.getIdNumber(), person.getName());
                    Party applicant = "本人".equals(form.relation()) ? subject
                            : Party.person(form.payeeId().number(), form.payeeName());
                    return pending(account.getId()).flatMap(pending -> {
                        if (pending) {
                            failed.add(new Violation("证件类型及号码", "withdrawal-pending", "已有一次性支取申请正在办理"));
                        }
                        SubmitCase command = new SubmitCase(ITEM, region, channel, applicant, subject, null,
                                ItemSubmissions.formMap(form), materials, List.of(), List.of(), Map.of(),
                                Submitters.submitter(caller, applicant, region));
                        return submissions.submit(command, failed);
                    }).flatMap(c -> template.insert(new Withdrawal(c.getId(), account.getId(), form.reason(),
                            Withdrawal.Status.PENDING, null, null, clock.instant())).thenReturn(Submitted.of(c, null)));
                });
    }

    private Mono<Boolean> pending(String accountId) {
        return template.exists(new Query(Criteria.where("accountId").is(accountId).and("status").is("PENDING")), Withdrawal.class);
    }

    @Override
    public boolean handles(String itemCode) {
        return ITEM.equals(itemCode);
    }

    @Override
    public Mono<?> on(String eventType, CaseEffects.CaseRef event, Case c) {
        boolean paymentDone = CaseEvents.STAGE_COMPLETED.equals(eventType) && PAYMENT_STAGE.equals(event.stage());
        // a chain without 拨付 (the national template) pays at 办结; the ledger key makes it once either way
        if (paymentDone || CaseEvents.COMPLETED.equals(eventType)) {
            return pay(c);
        }
        if (CaseEvents.REJECTED.equals(eventType) || CaseEvents.REFUSED.equals(eventType) || CaseEvents.WITHDRAWN.equals(eventType)) {
            return template.updateFirst(new Query(Criteria.where("_id").is(c.getId()).and("status").is("PENDING")),
                    Update.update("status", Withdrawal.Status.CLOSED), Withdrawal.class);
        }
        return Mono.empty();
    }

    /** Pays the whole balance once (ledger key withdrawal:<caseId>) and marks the application paid. */
    Mono<Withdrawal> pay(Case c) {
        return template.findById(c.getId(), Withdrawal.class).flatMap(w -> ledger.post(w.accountId(),
                        new PostEntry(EntryKind.WITHDRAWAL, PostEntry.WHOLE_BALANCE, "withdrawal:" + c.getId(),
                                c.getCaseNumber(), null, "个人账户一次性支取（" + w.reason() + "）"))
                .flatMap(r -> {
                    Withdrawal paid = new Withdrawal(w.id(), w.accountId(), w.reason(), Withdrawal.Status.PAID,
                            -r.entry().amountFen(), r.entry().id(), clock.instant());
                    return template.save(paid);
                }))
                .onErrorResume(DuplicateKeyException.class, e -> template.findById(c.getId(), Withdrawal.class));
    }
}
