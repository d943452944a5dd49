package org.jingban.enrollment.withdrawal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jingban.enrollment.account.AccountLedger;
import org.jingban.enrollment.account.PersonalAccount;
import org.jingban.enrollment.person.Insurance;
import org.jingban.enrollment.person.InsuredPerson;
import org.jingban.enrollment.person.InsuredPersons;
import org.jingban.enrollment.shared.CatalogItems;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.security.Caller;
import org.jingban.platform.service.items.ItemApplication;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * 参保人员个人账户一次性支取 (622036002003, 表7): 申请—受理—审核—拨付—办结 within 15 working days through the case
 * kernel. The application is one write, its case: the account to pay is the subject's, and "an application is
 * already running" is a case of this item for the same person that has not finished — no second document to keep in
 * step. {@link WithdrawalPayments} pays at 拨付.
 */
@Service
public class Withdrawals {

    public static final String ITEM = "622036002003";
    /** The case form value naming the account to pay (account id = person id), fixed at 申请: a later change of the
     * person's 证件号码 (a key change, 622036001005) must not lose the payment. */
    static final String ACCOUNT = "个人账户";
    private static final String ID_FIELD = "证件类型及号码";

    private final CaseService cases;
    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final InsuredPersons persons;
    private final AccountLedger ledger;
    private final DeathRecords deaths;

    public Withdrawals(CaseService cases, Catalog catalog, ItemSubmissions submissions,
                       InsuredPersons persons, AccountLedger ledger, DeathRecords deaths) {
        this.cases = cases;
        this.catalog = catalog;
        this.submissions = submissions;
        this.persons = persons;
        this.ledger = ledger;
        this.deaths = deaths;
    }

    public Mono<Submitted> apply(WithdrawalForm applied, Caller caller) {
        // every problem of 表7 first (400), against the item as the catalog first defines it: the region is the account's
        submissions.validate(applied, CatalogItems.inRegionOrDefault(catalog, ITEM, null));
        Mono<Boolean> deathConfirmed = WithdrawalForm.DEATH.equals(applied.reason())
                ? deaths.confirms(applied.id().number()) : Mono.just(false);
        return deathConfirmed.map(applied::withDeathConfirmed).flatMap(form -> persons.findByIdNumber(form.id().number())
                .zipWhen(p -> ledger.findById(p.getId()).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .filter(t -> t.getT2().isPresent())
                .switchIfEmpty(Mono.error(() -> ProblemException.unprocessable("该人员没有职工医保个人账户",
                        List.of(new Violation(ID_FIELD, "no-account", "该人员没有职工医保个人账户")))))
                .flatMap(t -> {
                    InsuredPerson person = t.getT1();
                    PersonalAccount account = t.getT2().get();
                    ItemDefinition item = catalog.item(ITEM, account.getRegionCode());
                    submissions.validate(form, item);
                    Party subject = Party.person(person.getIdNumber(), person.getName());
                    Party applicant = form.bySelf() ? subject : Party.person(form.payeeId().number(), form.payeeName());
                    return cases.hasRunning(ITEM, person.getIdNumber()).flatMap(running -> submissions.submit(ItemApplication.of(item, form, caller)
                            .applicant(applicant)
                            .subject(subject)
                            .formValue(ACCOUNT, account.getId())
                            .failedChecks(checks(form, person, account, running))));
                }));
    }

    /**
     * 办理条件: an open account; the insurance relationship ended — seed 000 §28 受理条件 "参保人员因死亡或各种原因终止、
     * 放弃基本医疗保险关系的，可申请…", 社会保险法第十四条 "个人账户不得提前支取" as its 法定依据 — so for every
     * 支取原因 but 死亡 (出国(境)定居, 主动放弃, 其他 alike) the 职工 insurance of the account's pool must no longer be
     * 参保缴费 nor 中止 for a transfer; no other application running.
     */
    private static List<Reason> checks(WithdrawalForm form, InsuredPerson person, PersonalAccount account, boolean running) {
        List<Reason> failed = new ArrayList<>();
        if (account.getStatus() == PersonalAccount.Status.CLOSED) {
            failed.add(Reason.at(ID_FIELD, "account-closed", "个人账户已" + account.getClosedBy() + "，不能再支取"));
        }
        Insurance.Status status = person.insurance(Insurance.EMPLOYEE_INSURANCE, account.getRegionCode())
                .map(Insurance::getStatus).orElse(null);
        boolean relationshipGoesOn = status == Insurance.Status.ACTIVE || status == Insurance.Status.SUSPENDED;
        if (relationshipGoesOn && !WithdrawalForm.DEATH.equals(form.reason())) {
            failed.add(Reason.at("支取原因", "still-insured", "该人员的职工基本医疗保险仍为" + status.label()
                    + "，个人账户不得提前支取；请先由单位或本人办理参保关系的终止（主动放弃的，附情况说明），再申请一次性支取"));
        }
        if (running) {
            failed.add(Reason.at(ID_FIELD, "withdrawal-pending", "已有一次性支取申请正在办理"));
        }
        return failed;
    }
}
