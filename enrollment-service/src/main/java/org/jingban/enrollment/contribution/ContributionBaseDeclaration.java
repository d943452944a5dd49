package org.jingban.enrollment.contribution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jingban.enrollment.employer.Employer;
import org.jingban.enrollment.employer.Employers;
import org.jingban.enrollment.person.Insurance;
import org.jingban.enrollment.person.InsuredPerson;
import org.jingban.enrollment.person.InsuredPersons;
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
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 参保单位缴费基数申报 (local:songpan, 3 个工作日): a unit declares each employee's 缴费基数 for the year; at 办结 the
 * bases are registered (once per case) and the monthly amount is assessed (核定应缴纳的医保费数额):
 * {@code Σ 缴费基数 × (单位 + 个人费率)}.
 */
@Service
public class ContributionBaseDeclaration {

    public static final String ITEM = "local:songpan:参保单位缴费基数申报";
    private static final String UNIT_FIELD = "统一社会信用代码/单位编码";

    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final Employers employers;
    private final InsuredPersons persons;
    private final PaymentNotices notices;
    private final ContributionRates rates;
    /** The item where the catalog defines it, to check the form against before the handling region is known. */
    private final Optional<ItemDefinition> home;

    public ContributionBaseDeclaration(Catalog catalog, ItemSubmissions submissions, Employers employers,
                                       InsuredPersons persons, PaymentNotices notices, ContributionRates rates) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.employers = employers;
        this.persons = persons;
        this.notices = notices;
        this.rates = rates;
        this.home = CatalogItems.home(catalog, ITEM);
    }

    public Mono<Submitted> submit(ContributionBaseForm form, Caller caller) {
        submissions.validate(form, home.orElseThrow(this::notOffered));
        return employers.findByCode(form.unit())
                .switchIfEmpty(Mono.error(() -> ProblemException.unprocessable("该单位未办理参保登记",
                        List.of(new Violation(UNIT_FIELD, "unit-not-found", "该单位未办理参保登记")))))
                .flatMap(unit -> {
                    ItemDefinition item = catalog.find(ITEM, unit.getRegionCode()).orElseThrow(this::notOffered);
                    return Flux.fromIterable(form.rows())
                            .concatMap(row -> persons.findByIdNumber(row.idNumber()).map(Optional::of)
                                    .defaultIfEmpty(Optional.empty()))
                            .collectList()
                            .flatMap(found -> submissions.submit(ItemApplication.of(item, form, caller)
                                    .applicant(Party.employer(unit.getUscc(), unit.getName()))
                                    .failedChecks(checks(form, unit, found))));
                });
    }

    private ProblemException notOffered() {
        return Contributors.notOffered(ITEM);
    }

    /** The unit must be 正常参保 and every row one of its contributing employees. */
    private static List<Reason> checks(ContributionBaseForm form, Employer unit, List<Optional<InsuredPerson>> found) {
        List<Reason> failed = new ArrayList<>();
        if (unit.getStatus() != Employer.Status.ACTIVE) {
            failed.add(Reason.at(UNIT_FIELD, "unit-not-active", "单位不是正常参保状态"));
        }
        for (int i = 0; i < found.size(); i++) {
            boolean employed = found.get(i).flatMap(p -> p.activeInsurance(Insurance.EMPLOYEE_INSURANCE, unit.getRegionCode()))
                    .filter(ins -> unit.getId().equals(ins.getUnitId()))
                    .isPresent();
            if (!employed) {
                failed.add(Reason.at("人员明细[" + (i + 1) + "].证件号码", "not-employed",
                        form.rows().get(i).name() + "不是本单位参保缴费的职工"));
            }
        }
        return failed;
    }

    /** At 办结: each declared base registered once, and the 核定 notice of the monthly amount. */
    @CaseReaction(item = ITEM)
    public Mono<PaymentNotice> issue(Case c) {
        ContributionBaseForm form = ItemSubmissions.form(c, ContributionBaseForm.class);
        ContributionRates.Rule rule = rates.forRegion(c.getRegionCode());
        BigDecimal rate = rule.unitRate().add(rule.employeeRate());
        return Flux.fromIterable(form.rows())
                .concatMap(row -> persons.change(row.idNumber(), p -> p.declareWage(Insurance.EMPLOYEE_INSURANCE,
                                c.getRegionCode(), Money.parseFen(row.base()), c.getId()))
                        .thenReturn(PaymentNotices.line(row.idNumber(), row.name(), row.base(), 1, rate)))
                .collectList()
                .flatMap(lines -> notices.issue(c, "单位月缴费核定（" + form.year() + "年度）", lines));
    }
}
