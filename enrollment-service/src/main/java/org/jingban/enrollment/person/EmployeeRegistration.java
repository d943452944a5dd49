package org.jingban.enrollment.person;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jingban.enrollment.account.AccountLedger;
import org.jingban.enrollment.employer.Employer;
import org.jingban.enrollment.employer.Employers;
import org.jingban.enrollment.shared.CatalogItems;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.money.Money;
import org.jingban.platform.security.Caller;
import org.jingban.platform.service.items.CaseReaction;
import org.jingban.platform.service.items.ItemApplication;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.web.problem.Violations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 职工参保登记 (622036001002, 表2): a unit's employees in one submission, each row a 变更类别, or one 灵活就业人员 for
 * themself. The rows are checked against the register at submission and again when the case is 办结; each applies
 * once per case and person, and 增加 opens the personal account.
 */
@Service
public class EmployeeRegistration {

    public static final String ITEM = "622036001002";
    private static final Logger log = LoggerFactory.getLogger(EmployeeRegistration.class);

    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final InsuredPersons persons;
    private final Employers employers;
    private final AccountLedger ledger;
    private final Clock clock;

    public EmployeeRegistration(Catalog catalog, ItemSubmissions submissions, InsuredPersons persons,
                                Employers employers, AccountLedger ledger, Clock clock) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.persons = persons;
        this.employers = employers;
        this.ledger = ledger;
        this.clock = clock;
    }

    public Mono<Submitted> submit(EmployeeRegistrationForm form, Caller caller) {
        boolean unitNamed = !form.flexible() && form.unit() != null && !form.unit().isBlank();
        Mono<Optional<Employer>> unit = unitNamed
                ? employers.findByCode(form.unit()).map(Optional::of).defaultIfEmpty(Optional.empty())
                : Mono.just(Optional.empty());
        return unit.flatMap(found -> {
            Employer employer = found.orElse(null);
            String region = form.flexible() ? form.regionCode() : employer == null ? null : employer.getRegionCode();
            ItemDefinition item = CatalogItems.inRegionOrDefault(catalog, ITEM, region);
            Violations v = submissions.check(form, item);
            if (unitNamed && employer == null) {
                v.add("统一社会信用代码/单位编码", "unit-not-found", "该单位未办理参保登记，请先办理单位参保登记");
            }
            v.throwIfAny();
            List<String> ids = form.rows().stream().map(r -> r.id().number()).toList();
            return persons.byIdNumbers(ids).flatMap(registered -> {
                EmployeeRegistrationForm.Row first = form.rows().get(0);
                Party applicant = form.flexible() ? Party.person(first.id().number(), first.name())
                        : Party.employer(employer.getUscc(), employer.getName());
                return submissions.submit(ItemApplication.of(item, form, caller)
                        .applicant(applicant)
                        .applicantGroup(form.category())
                        .failedChecks(checks(form, employer, region, registered))
                        .whenCompleted(c -> apply(c).collectList().map(applied -> applied.stream()
                                .map(p -> PersonView.of(p, thisMonth(), null)).toList())));
            });
        });
    }

    /** Every row's reason against the register, and a unit that may not add staff. */
    private static List<Reason> checks(EmployeeRegistrationForm form, Employer employer, String region,
                                       Map<String, InsuredPerson> registered) {
        List<Reason> failed = new ArrayList<>();
        if (employer != null && !employer.mayAddStaff() && form.rows().stream().map(EmployeeRegistrationForm.Row::type)
                .anyMatch(t -> t == ChangeType.ADD || t == ChangeType.RESUME || t == ChangeType.MOVE_WITHIN_POOL)) {
            failed.add(Reason.at("统一社会信用代码/单位编码", "unit-not-active",
                    "单位为" + employer.getStatus().label() + "状态，不能为职工办理增加、恢复或转入"));
        }
        for (int i = 0; i < form.rows().size(); i++) {
            EmployeeRegistrationForm.Row row = form.rows().get(i);
            String field = "人员明细[" + (i + 1) + "].变更类别";
            InsuredPerson person = registered.get(row.id().number());
            if (person == null) {
                if (row.type() != ChangeType.ADD) {
                    failed.add(Reason.at(field, "not-insured", row.name() + "尚未参保，只能办理增加"));
                }
            } else {
                failed.addAll(person.checkEmployeeChange(row.type(), Insurance.EMPLOYEE_INSURANCE, region,
                        employer == null ? null : employer.getId(), field));
                if (row.type() == ChangeType.ADD) {
                    failed.addAll(person.checkNoOtherCoverage(Insurance.EMPLOYEE_INSURANCE, region, category(form), field));
                }
            }
        }
        return failed;
    }

    /**
     * Applies a 办结 case: each row to its person, once (a row another change made impossible meanwhile is logged and
     * skipped); 增加 opens the personal account.
     */
    @CaseReaction(item = ITEM)
    public Flux<InsuredPerson> apply(Case c) {
        EmployeeRegistrationForm form = ItemSubmissions.form(c, EmployeeRegistrationForm.class);
        String region = c.getRegionCode();
        Mono<Optional<Employer>> unit = form.flexible() ? Mono.just(Optional.empty())
                : employers.findByCode(form.unit()).map(Optional::of).defaultIfEmpty(Optional.empty());
        PersonCategory category = category(form);
        return unit.flatMapMany(found -> Flux.fromIterable(form.rows()).concatMap(row -> {
            Employer employer = found.orElse(null);
            String unitId = employer == null ? null : employer.getId();
            long wage = Optional.ofNullable(Money.parseFen(row.declaredWage())).orElse(0L);
            return persons.createOrChange(row.id(), row.name(), person -> {
                if (person.hasApplied(c.getId(), Insurance.EMPLOYEE_INSURANCE, region)) {
                    return false;
                }
                List<Reason> now = new ArrayList<>(person.checkEmployeeChange(row.type(), Insurance.EMPLOYEE_INSURANCE,
                        region, unitId, "变更类别"));
                if (row.type() == ChangeType.ADD) {
                    now.addAll(person.checkNoOtherCoverage(Insurance.EMPLOYEE_INSURANCE, region, category, "变更类别"));
                }
                if (!now.isEmpty()) {
                    // checked at submission; a concurrent change got there first
                    log.warn("办件 {}: {} 未办理：{}", c.getCaseNumber(), row.changeType(), now.get(0).message());
                    return false;
                }
                person.describe(null, null, row.phone(), null, null, null, null);
                person.applyEmployeeChange(row.type(), Insurance.EMPLOYEE_INSURANCE, region, unitId,
                        employer == null ? null : employer.getName(), category, wage, thisMonth(), c.getId(),
                        c.getCaseNumber(), clock.instant());
                return true;
            }).flatMap(p -> row.type() == ChangeType.ADD
                    ? ledger.open(p.getId(), p.getIdNumber(), p.getName(), region).thenReturn(p) : Mono.just(p));
        }));
    }

    private static PersonCategory category(EmployeeRegistrationForm form) {
        return form.flexible() ? PersonCategory.FLEXIBLE : PersonCategory.IN_SERVICE;
    }

    private YearMonth thisMonth() {
        return YearMonth.now(clock);
    }
}
