package org.jingban.enrollment.contribution;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jingban.enrollment.person.Insurance;
import org.jingban.enrollment.person.InsuredPersons;
import org.jingban.enrollment.shared.CatalogItems;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.security.Caller;
import org.jingban.platform.service.items.CaseReaction;
import org.jingban.platform.service.items.ItemApplication;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * 职工基本医疗保险费趸缴 (local:songpan, 5 个工作日): someone short of the pool's minimum contribution months at
 * retirement pays the shortfall at once; at 办结 a 缴费通知单 for {@code (最低月数 − 已缴月数) × 缴费基数 × (单位 + 个人费率)}.
 */
@Service
public class LumpSumContribution {

    public static final String ITEM = "local:songpan:职工基本医疗保险费趸缴";

    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final Contributors contributors;
    private final InsuredPersons persons;
    private final PaymentNotices notices;
    private final ContributionRates rates;
    private final Clock clock;
    /** The item where the catalog defines it, to check the form against before the handling region is known. */
    private final Optional<ItemDefinition> home;

    public LumpSumContribution(Catalog catalog, ItemSubmissions submissions, Contributors contributors,
                               InsuredPersons persons, PaymentNotices notices, ContributionRates rates, Clock clock) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.contributors = contributors;
        this.persons = persons;
        this.notices = notices;
        this.rates = rates;
        this.clock = clock;
        this.home = CatalogItems.home(catalog, ITEM);
    }

    public Mono<Submitted> submit(LumpSumContributionForm form, Caller caller) {
        submissions.validate(form, home.orElseThrow(this::notOffered));
        return contributors.find(form.id().number(), ITEM).flatMap(found -> {
            List<Reason> failed = new ArrayList<>();
            Insurance insurance = found.insurance();
            if (insurance == null) {
                failed.add(Reason.at("证件类型及号码", "not-insured", "未参加职工基本医疗保险"));
            } else if (shortfall(insurance, found.region()) <= 0) {
                failed.add(Reason.at("证件类型及号码", "years-complete", "缴费年限已满足，无需趸缴"));
            }
            return submissions.submit(ItemApplication.of(catalog.item(ITEM, found.region()), form, caller)
                    .applicant(Party.person(found.person().getIdNumber(), found.person().getName()))
                    .failedChecks(failed)
                    .whenCompleted(this::issue));
        });
    }

    /** Months missing to the pool's minimum (趸缴年限按各统筹地区相关规定执行). */
    private long shortfall(Insurance insurance, String region) {
        return rates.forRegion(region).requiredMonths() - insurance.contributionMonths(YearMonth.now(clock));
    }

    private ProblemException notOffered() {
        return Contributors.notOffered(ITEM);
    }

    /** The 缴费通知单 of a 办结 case, once: the shortfall as of 办结. */
    @CaseReaction(item = ITEM)
    public Mono<PaymentNotice> issue(Case c) {
        LumpSumContributionForm form = ItemSubmissions.form(c, LumpSumContributionForm.class);
        ContributionRates.Rule rule = rates.forRegion(c.getRegionCode());
        return persons.findByIdNumber(form.id().number()).flatMap(p -> {
            long shortfall = p.insurance(Insurance.EMPLOYEE_INSURANCE, c.getRegionCode())
                    .map(i -> Math.max(0, shortfall(i, c.getRegionCode()))).orElse((long) rule.requiredMonths());
            return notices.issue(c, "趸缴（补足" + shortfall + "个月）", List.of(PaymentNotices.line(form.id().number(),
                    c.getApplicant().name(), form.base(), (int) shortfall, rule.unitRate().add(rule.employeeRate()))));
        });
    }
}
