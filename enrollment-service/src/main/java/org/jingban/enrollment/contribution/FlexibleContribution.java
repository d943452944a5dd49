package org.jingban.enrollment.contribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jingban.enrollment.person.Insurance;
import org.jingban.enrollment.person.PersonCategory;
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
 * 灵活就业人员缴纳职工医疗保险费 (local:songpan, 即办件): a 灵活就业人员 insured in the pool gets a 缴费通知单 at once —
 * {@code 缴费基数 × 缴费月数 × 费率} (the pool's flexible rate, {@link ContributionRates}).
 */
@Service
public class FlexibleContribution {

    public static final String ITEM = "local:songpan:灵活就业人员缴纳职工医疗保险费";

    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final Contributors contributors;
    private final PaymentNotices notices;
    private final ContributionRates rates;
    /** The item where the catalog defines it, to check the form against before the handling region is known. */
    private final Optional<ItemDefinition> home;

    public FlexibleContribution(Catalog catalog, ItemSubmissions submissions, Contributors contributors,
                                PaymentNotices notices, ContributionRates rates) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.contributors = contributors;
        this.notices = notices;
        this.rates = rates;
        this.home = CatalogItems.home(catalog, ITEM);
    }

    public Mono<Submitted> submit(FlexibleContributionForm form, Caller caller) {
        submissions.validate(form, home.orElseThrow(this::notOffered));
        return contributors.find(form.id().number(), ITEM).flatMap(found -> {
            List<Reason> failed = new ArrayList<>();
            Insurance insurance = found.insurance();
            if (insurance == null || insurance.getStatus() != Insurance.Status.ACTIVE
                    || insurance.getCategory() != PersonCategory.FLEXIBLE) {
                failed.add(Reason.at("证件类型及号码", "not-flexible-worker", "仅限已办理职工医保参保登记的灵活就业人员"));
            }
            return submissions.submit(ItemApplication.of(catalog.item(ITEM, found.region()), form, caller)
                    .applicant(Party.person(found.person().getIdNumber(), found.person().getName()))
                    .failedChecks(failed)
                    .whenCompleted(this::issue));
        });
    }

    private ProblemException notOffered() {
        return Contributors.notOffered(ITEM);
    }

    /** The 缴费通知单 of a 办结 case, once. */
    @CaseReaction(item = ITEM)
    public Mono<PaymentNotice> issue(Case c) {
        FlexibleContributionForm form = ItemSubmissions.form(c, FlexibleContributionForm.class);
        return notices.issue(c, "灵活就业人员缴费", List.of(PaymentNotices.line(form.id().number(), c.getApplicant().name(),
                form.base(), form.months(), rates.forRegion(c.getRegionCode()).flexibleRate())));
    }
}
