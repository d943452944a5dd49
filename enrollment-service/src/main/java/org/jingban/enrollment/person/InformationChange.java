package org.jingban.enrollment.person;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jingban.enrollment.account.AccountLedger;
import org.jingban.enrollment.employer.Employers;
import org.jingban.enrollment.shared.CatalogItems;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Role;
import org.jingban.platform.service.items.CaseReaction;
import org.jingban.platform.service.items.ItemApplication;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.jingban.platform.web.problem.Violations;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * 职工参保信息变更登记 (622036001005, 表5) and 城乡居民参保信息变更登记 (622036001006, 表6): the 变更前信息 must match the
 * register, a key change (关键信息) needs its supporting material; applied once per case, and the personal account
 * follows a new 姓名 or 证件号码.
 */
@Service
public class InformationChange {

    public static final String EMPLOYEE_ITEM = "622036001005";
    public static final String RESIDENT_ITEM = "622036001006";
    private static final String UNIT_FIELD = "统一社会信用代码/单位编码";

    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final InsuredPersons persons;
    private final Employers employers;
    private final AccountLedger ledger;
    private final Clock clock;

    public InformationChange(Catalog catalog, ItemSubmissions submissions, InsuredPersons persons, Employers employers,
                             AccountLedger ledger, Clock clock) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.persons = persons;
        this.employers = employers;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** 表5 ({@code employee}) or 表6, for the person the form names. */
    public Mono<Submitted> submit(PersonChangeForm form, boolean employee, Caller caller) {
        String code = employee ? EMPLOYEE_ITEM : RESIDENT_ITEM;
        String type = employee ? Insurance.EMPLOYEE_INSURANCE : Insurance.RESIDENT_INSURANCE;
        new Violations().require("证件类型及号码", form.id() == null ? null : form.id().present()).throwIfAny();
        return persons.findByIdNumber(form.id().number())
                .switchIfEmpty(Mono.error(() -> notInsured("未找到该人员的参保信息")))
                .flatMap(person -> {
                    Insurance insurance = person.coverageOf(type).orElseThrow(() -> notInsured("该人员未参加" + type));
                    String region = insurance.getRegionCode();
                    ItemDefinition item = CatalogItems.inRegionOrDefault(catalog, code, region);
                    // 表5's unit field is for persons insured through a unit (not for 灵活就业人员)
                    submissions.validate(form, insurance.getUnitId() == null ? withoutUnitField(item) : item);
                    Party applicant = Party.person(person.getIdNumber(), person.getName());
                    // an employer agent may change their employee's information: the submitter check looks at the unit
                    Mono<Party> actingFor = caller.has(Role.EMPLOYER_AGENT) && insurance.getUnitId() != null
                            ? employers.find(insurance.getUnitId()).map(u -> Party.employer(u.getUscc(), u.getName()))
                            : Mono.just(applicant);
                    return Mono.zip(idNumberTaken(form), actingFor).flatMap(t -> {
                        List<Reason> failed = new ArrayList<>(beforeMismatches(form, person));
                        failed.addAll(t.getT1());
                        return submissions.submit(ItemApplication.of(item, form, caller)
                                .applicant(applicant)
                                .actingFor(t.getT2())
                                .failedChecks(failed)
                                .whenCompleted(c -> apply(c).map(p -> PersonView.of(p, YearMonth.now(clock), null))));
                    });
                });
    }

    private static ProblemException notInsured(String message) {
        return ProblemException.unprocessable(message, List.of(new Violation("证件类型及号码", "not-insured", message)));
    }

    /** Each row's 变更前信息 against the registered value. */
    private static List<Reason> beforeMismatches(PersonChangeForm form, InsuredPerson person) {
        List<Reason> failed = new ArrayList<>();
        for (int i = 0; i < form.rows().size(); i++) {
            PersonChangeForm.Row row = form.rows().get(i);
            if (!Objects.equals(blankToNull(person.currentValue(row.field())), blankToNull(row.before()))) {
                failed.add(Reason.at("变更明细[" + (i + 1) + "].变更前信息", "before-mismatch",
                        "「" + row.field() + "」的变更前信息与登记信息不符"));
            }
        }
        return failed;
    }

    /** A new 证件号码 another person holds. */
    private Mono<List<Reason>> idNumberTaken(PersonChangeForm form) {
        return form.rows().stream().filter(r -> "证件号码".equals(r.field())).findFirst()
                .map(r -> persons.findByIdNumber(r.after())
                        .map(other -> List.of(Reason.at("变更明细.变更后信息", "id-number-taken", "新证件号码已被其他参保人员使用")))
                        .defaultIfEmpty(List.<Reason>of()))
                .orElse(Mono.just(List.of()));
    }

    private static ItemDefinition withoutUnitField(ItemDefinition i) {
        return new ItemDefinition(i.code(), i.name(), i.mainItemCode(), i.mainItemName(), i.service(), i.regionCode(),
                i.servedParty(), i.description(), i.conditions(), i.kind(), i.steps(), i.timeLimit(), i.stageLimits(),
                i.riskLevel(), i.requiredFields().stream().filter(f -> !f.equals(UNIT_FIELD)).toList(),
                i.materials(), i.templates(), i.forms(), i.office(), i.localCode(), i.sources());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /**
     * Applies a 办结 case's rows once (after a new 证件号码 the person is found by it); the personal account then carries
     * the person's 证件号码 and 姓名 (again after a redelivery: it only copies them).
     */
    @CaseReaction(item = {EMPLOYEE_ITEM, RESIDENT_ITEM})
    public Mono<InsuredPerson> apply(Case c) {
        PersonChangeForm form = ItemSubmissions.form(c, PersonChangeForm.class);
        String newIdNumber = form.rows().stream().filter(r -> "证件号码".equals(r.field())).findFirst()
                .map(PersonChangeForm.Row::after).orElse(null);
        boolean holderChanged = newIdNumber != null || form.rows().stream().anyMatch(r -> "姓名".equals(r.field()));
        return persons.change(() -> persons.findByIdNumber(c.getApplicant().id())
                        .switchIfEmpty(Mono.defer(() -> newIdNumber == null ? Mono.empty() : persons.findByIdNumber(newIdNumber))),
                        person -> {
                            if (person.hasApplied(c.getId())) {
                                return false;
                            }
                            for (PersonChangeForm.Row row : form.rows()) {
                                person.applyInformationChange(c.getItemCode(), row.field(), row.after(),
                                        PersonChangeForm.KEY_ITEMS.contains(row.field()), c.getCaseNumber(), clock.instant());
                            }
                            person.informationChanged(c.getId(), c.getItemName(), c.getRegionCode(), clock.instant());
                            return true;
                        })
                .flatMap(p -> holderChanged
                        ? ledger.describeHolder(p.getId(), p.getIdNumber(), p.getName()).thenReturn(p) : Mono.just(p));
    }
}
