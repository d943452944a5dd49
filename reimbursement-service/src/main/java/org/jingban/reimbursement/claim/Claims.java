package org.jingban.reimbursement.claim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.enrollment.api.coverage.EnrollmentReadModel;
import org.jingban.platform.benefits.Benefit;
import org.jingban.platform.benefits.BenefitCalculator;
import org.jingban.platform.benefits.Place;
import org.jingban.platform.benefits.Policies;
import org.jingban.platform.benefits.Scheme;
import org.jingban.platform.benefits.VisitType;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.StageInsertion;
import org.jingban.platform.cases.StageKind;
import org.jingban.platform.cases.StageSpec;
import org.jingban.platform.money.Money;
import org.jingban.platform.security.Caller;
import org.jingban.platform.service.items.ItemApplication;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.jingban.reimbursement.chronic.Entitlements;
import org.jingban.offsitefiling.api.coverage.OffsiteFilingReadModel;
import org.jingban.offsitefiling.api.coverage.Pools;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * 手工（零星）报销 (622036006001 门(急)诊, 622036006002 住院) on the item extension point: the form (400, every problem at
 * once) → the person's coverage from enrollment's events (险种, 参保地) → the region's item → where the bill was incurred
 * (统筹区内 / 异地已备案 / 异地未备案, from offsite-filing's events) and, for 门诊慢特病, the entitlement → the invoices
 * held ({@link InvoiceRegister}: a held, reimbursed or directly settled invoice refuses the application, 422) → the
 * case, with 大额医疗费用核查 above the region's threshold and 复核 before 拨付. The amount is estimated now and fixed
 * at 拨付 ({@link ClaimPayments}).
 */
@Service
public class Claims {

    /** Case form values the service adds: what the payment is calculated from, fixed at 申请. */
    static final String CLAIM_ID = InvoiceRegister.CLAIM_ID;
    static final String SCHEME = "险种";
    static final String PLACE = "就医类别";
    static final String CHRONIC_ENTITLED = "门诊慢特病待遇资格";
    static final String POLICY_YEAR = "待遇年度";
    static final String ESTIMATE = "预计报销金额";
    static final String LARGE_BILL_CHECK = "大额医疗费用核查";
    static final String FEE_RECHECK = "费用复核";
    public static final String PAYMENT = "拨付";

    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final EnrollmentReadModel enrollment;
    private final OffsiteFilingReadModel filings;
    private final Entitlements entitlements;
    private final InvoiceRegister invoices;
    private final Accumulations accumulations;
    private final Policies policies;
    private final ClaimProperties properties;

    public Claims(Catalog catalog, ItemSubmissions submissions, EnrollmentReadModel enrollment,
                  OffsiteFilingReadModel filings, Entitlements entitlements, InvoiceRegister invoices,
                  Accumulations accumulations, Policies policies, ClaimProperties properties) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.enrollment = enrollment;
        this.filings = filings;
        this.entitlements = entitlements;
        this.invoices = invoices;
        this.accumulations = accumulations;
        this.policies = policies;
        this.properties = properties;
    }

    public Mono<Submitted> apply(ClaimKind kind, ClaimForm form, Caller caller) {
        ItemDefinition reference = catalog.items().stream().filter(i -> i.code().equals(kind.itemCode())).findFirst()
                .orElseThrow();
        submissions.validate(form, reference);
        String idNumber = form.id().number();
        LocalDate visit = form.serviceDate();
        return enrollment.byIdNumber(idNumber)
                // the coverage of the visit day (a person whose coverage ended since claims for the days it ran)
                .flatMap(p -> Mono.justOrEmpty(p.basicCoverageOn(visit)))
                .switchIfEmpty(Mono.error(() -> ProblemException.unprocessable("未查询到该人员就诊日的基本医疗保险参保信息，参保人员方可申请报销",
                        List.of(new Violation("证件类型及号码", "not-insured", "未查询到该人员就诊日（" + visit + "）的基本医疗保险参保缴费期间")))))
                .flatMap(coverage -> {
                    String region = coverage.regionCode();
                    ItemDefinition item = catalog.find(kind.itemCode(), region).orElseThrow(() ->
                            ProblemException.unprocessable("参保地" + region + "未开办「" + reference.name() + "」"));
                    submissions.validate(form, item);
                    Scheme scheme = InsuranceTypes.EMPLOYEE_INSURANCE.equals(coverage.insuranceType())
                            ? Scheme.EMPLOYEE : Scheme.RESIDENT;
                    return Mono.zip(place(idNumber, region, form), chronicEntitled(form, idNumber, visit))
                            .flatMap(t -> submit(kind, form, caller, item, scheme, t.getT1(), t.getT2(), visit.getYear()));
                });
    }

    private Mono<Submitted> submit(ClaimKind kind, ClaimForm form, Caller caller, ItemDefinition item, Scheme scheme,
                                   Place place, boolean chronicEntitled, int year) {
        String idNumber = form.id().number();
        String claimId = UUID.randomUUID().toString();
        String region = item.regionCode();
        return accumulations.of(idNumber, year).flatMap(ytd -> {
            Benefit estimate = BenefitCalculator.calculate(ClaimPayments.claim(form, scheme, region, year, place,
                    chronicEntitled, ytd), policies.lookup(region, year, scheme));
            List<Reason> checks = new ArrayList<>();
            if (form.visitType() == VisitType.CHRONIC_OUTPATIENT && !chronicEntitled) {
                checks.add(Reason.at("病种编码", "not-entitled", "就诊日未享受该病种的门诊慢特病待遇（请先办理门诊慢特病病种待遇认定）"));
            }
            Money threshold = properties.largeBillThreshold(region);
            boolean large = form.invoicedTotal().compareTo(threshold) >= 0;
            List<StageInsertion> stages = List.of(paymentStages(item, large));
            List<String> extra = new ArrayList<>();
            if (!form.paysOwnAccount()) {
                extra.add(ClaimForm.OTHER_ACCOUNT_MATERIAL);
            }
            if (form.emergency() && properties.emergencyCertificateRequired(region, item.code())) {
                extra.add(ClaimForm.EMERGENCY_CERTIFICATE);
            }
            return invoices.hold(claimId, form.invoiceNumbers()).flatMap(conflicts -> {
                checks.addAll(conflicts);
                ItemApplication application = ItemApplication.of(item, form, caller)
                        .applicant(Party.person(idNumber, form.name()))
                        .failedChecks(checks)
                        .extraMaterials(extra)
                        .extraStages(stages.toArray(StageInsertion[]::new))
                        .formValue(CLAIM_ID, claimId)
                        .formValue(SCHEME, scheme.name())
                        .formValue(PLACE, place.name())
                        .formValue(CHRONIC_ENTITLED, chronicEntitled)
                        .formValue(POLICY_YEAR, year)
                        .formValue(ESTIMATE, estimate.reimbursed().toString())
                        .reference("claimId", claimId)
                        .reference("estimate", estimate(estimate, large));
                return submissions.submitCase(application)
                        .flatMap(c -> invoices.attach(claimId, c.getCaseNumber()).thenReturn(c))
                        .onErrorResume(e -> invoices.release(claimId).then(Mono.error(e)))
                        .map(c -> Submitted.of(c, null, Map.of("claimId", claimId, "estimate", estimate(estimate, large))));
            });
        });
    }

    /** The estimate the applicant sees: the amounts and the breakdown, fixed only at 拨付. */
    static Map<String, Object> estimate(Benefit b, boolean large) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("预计报销金额", b.reimbursed().toString());
        m.put("统筹基金", b.fund().toString());
        m.put("大病保险", b.criticalIllness().toString());
        m.put("医疗救助", b.assistance().toString());
        m.put("个人负担", b.cash().plus(b.personalAccount()).toString());
        m.put("计算明细", b.breakdown().stream().map(s -> Map.of("规则", s.rule(), "说明", s.text(),
                "金额", s.amount().toString())).toList());
        m.put("说明", large ? "费用达到大额医疗费用核查标准，审核后需核查；报销金额以拨付时核定为准" : "报销金额以拨付时核定为准");
        return m;
    }

    /**
     * What every item that pays adds to the region's chain, before its 拨付 (or, where the chain has none, before its
     * 办结 stage, with a 拨付): 大额医疗费用核查 for a large bill, and 费用复核 (审核 and 复核 of the fee items, "对费用项目进行
     * 审核和复核"; the national template's "根据复核结果" for 主项七).
     */
    public static StageInsertion paymentStages(ItemDefinition item, boolean large) {
        List<StageSpec> inserted = new ArrayList<>();
        if (large) {
            inserted.add(new StageSpec(LARGE_BILL_CHECK, StageKind.REVIEW, null));
        }
        inserted.add(new StageSpec(FEE_RECHECK, StageKind.FINANCE_REVIEW, null));
        if (!item.steps().contains(PAYMENT)) {
            inserted.add(new StageSpec(PAYMENT, StageKind.PAYMENT, null));
        }
        return new StageInsertion(paymentOrCompletion(item), inserted);
    }

    /** The stage the added stages go before: 拨付 where the chain has it, else its 办结 stage. */
    private static String paymentOrCompletion(ItemDefinition item) {
        if (item.steps().contains(PAYMENT)) {
            return PAYMENT;
        }
        return item.steps().stream().filter(s -> StageKind.of(s) == StageKind.COMPLETION).findFirst()
                .orElse(item.steps().get(item.steps().size() - 1));
    }

    /** 统筹区内, or off-site with or without a filing that covers the visit. */
    private Mono<Place> place(String idNumber, String region, ClaimForm form) {
        if (Pools.within(form.visitRegion(), region)) {
            return Mono.just(Place.IN_POOL);
        }
        LocalDate day = form.serviceDate();
        return filings.ofPerson(idNumber).any(f -> f.covers(form.visitRegion(), day))
                .map(filed -> filed ? Place.FILED_OFFSITE : Place.UNFILED_OFFSITE);
    }

    private Mono<Boolean> chronicEntitled(ClaimForm form, String idNumber, LocalDate day) {
        if (form.visitType() != VisitType.CHRONIC_OUTPATIENT) {
            return Mono.just(false);
        }
        return entitlements.entitledOn(idNumber, form.diseaseCode(), day);
    }
}
