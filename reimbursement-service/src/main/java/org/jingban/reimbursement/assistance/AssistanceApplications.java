package org.jingban.reimbursement.assistance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.enrollment.api.coverage.EnrollmentReadModel;
import org.jingban.enrollment.api.coverage.InsuredPerson;
import org.jingban.platform.benefits.BenefitCalculator;
import org.jingban.platform.benefits.Policies;
import org.jingban.platform.benefits.Scheme;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.money.Money;
import org.jingban.platform.security.Caller;
import org.jingban.platform.service.items.CaseReaction;
import org.jingban.platform.service.items.ItemApplication;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.jingban.reimbursement.claim.Accumulations;
import org.jingban.reimbursement.claim.Claims;
import org.jingban.reimbursement.claim.InvoiceRegister;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * 主项八 医疗救助 (622036008001 救助对象参加城乡居民医保个人缴费补贴, 622036008002 医疗救助对象手工（零星）报销) on the item
 * extension point. Who is a 救助对象 comes from 民政 ({@link AssistanceRecipients}); "符合救助条件但未经认定的，由相关部门
 * 认定后进行报销" (catalog condition; seed 003 §二十八 备注 2): a person not recognised provides the 《个人家庭经济状况核查
 * 委托授权书》 and the case waits — after 审核, if still not recognised, it is held for 补正 ("待民政部门认定") until the
 * recognition arrives. 008002 is handled by the office of the region that recognised the person (户籍地); the 结算单's
 * figures after 基本医保 and 大病保险 are paid by the calculator's 医疗救助 rule; one 救助 per 结算单.
 */
@Service
public class AssistanceApplications {

    static final String SUBSIDY = "622036008001";
    static final String CLAIM = "622036008002";
    static final String AUTHORISATION = "《个人家庭经济状况核查委托授权书》";
    static final String AWAITING_RECOGNITION = "待民政部门认定救助对象身份（已提交《个人家庭经济状况核查委托授权书》），认定后继续办理";

    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final CaseService cases;
    private final EnrollmentReadModel enrollment;
    private final AssistanceRecipients recipients;
    private final InvoiceRegister invoices;
    private final Accumulations accumulations;
    private final Policies policies;
    private final AssistanceProperties properties;

    public AssistanceApplications(Catalog catalog, ItemSubmissions submissions, CaseService cases,
                                  EnrollmentReadModel enrollment, AssistanceRecipients recipients,
                                  InvoiceRegister invoices, Accumulations accumulations, Policies policies,
                                  AssistanceProperties properties) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.cases = cases;
        this.enrollment = enrollment;
        this.recipients = recipients;
        this.invoices = invoices;
        this.accumulations = accumulations;
        this.policies = policies;
        this.properties = properties;
    }

    public Mono<Submitted> apply(String itemCode, AssistanceForm form, Caller caller) {
        ItemDefinition reference = catalog.items().stream().filter(i -> i.code().equals(itemCode)).findFirst().orElseThrow();
        submissions.validate(form, reference);
        String idNumber = form.person().id().number();
        return enrollment.byIdNumber(idNumber).flatMap(p -> Mono.justOrEmpty(coverage(p, itemCode)))
                .switchIfEmpty(Mono.error(() -> ProblemException.unprocessable(SUBSIDY.equals(itemCode)
                        ? "未查询到该人员的城乡居民基本医疗保险参保信息" : "未查询到该人员的基本医疗保险参保信息",
                        List.of(new Violation("参保人员信息.证件类型及号码", "not-insured", "未查询到参保信息")))))
                .flatMap(coverage -> recipients.of(idNumber).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(recipient -> submit(itemCode, reference, form, caller, coverage, recipient.orElse(null))));
    }

    private Mono<Submitted> submit(String itemCode, ItemDefinition reference, AssistanceForm form, Caller caller,
                                   InsuredPerson.Coverage coverage, AssistanceRecipients.Recipient recipient) {
        // 008002 at the office that recognised the person (户籍地); otherwise the 参保地
        String region = CLAIM.equals(itemCode) && recipient != null ? recipient.regionCode() : coverage.regionCode();
        ItemDefinition item = catalog.find(itemCode, region).orElseThrow(() ->
                ProblemException.unprocessable("参保地" + region + "未开办「" + reference.name() + "」"));
        submissions.validate(form, item);
        List<Reason> checks = new ArrayList<>();
        if (properties.getSocialSecurityCardOnlyRegions().contains(region) && CLAIM.equals(itemCode)
                && !AssistanceForm.SOCIAL_SECURITY_CARD.equals(form.accountType())) {
            // seed 003 §二十八 备注 3: 报销费用必须转至参保人社保卡金融账户
            checks.add(Reason.at("账户类型", "social-security-card-only", "报销费用必须转至参保人社保卡金融账户"));
        }
        String claimId = UUID.randomUUID().toString();
        Party person = Party.person(form.person().id().number(), form.person().name());
        ItemApplication application = ItemApplication.of(item, form, caller)
                .applicant(person)
                .failedChecks(checks)
                .extraStages(Claims.paymentStages(item, false))
                .extraMaterials(recipient == null ? List.of(authorisation(item)) : List.of())
                .formValue(InvoiceRegister.CLAIM_ID, claimId)
                .formValue("险种", coverage.insuranceType())
                .reference("claimId", claimId);
        List<String> held = CLAIM.equals(itemCode) ? List.of(statementKey(form)) : List.of();
        return invoices.hold(claimId, held).flatMap(conflicts -> {
            application.failedChecks(conflicts.stream().map(r -> Reason.at("结算单.结算单号", "statement-assisted",
                    "该结算单已申请医疗救助")).toList());
            return estimate(itemCode, form, region, coverage, recipient).flatMap(estimate -> submissions.submitCase(application)
                    .flatMap(c -> invoices.attach(claimId, c.getCaseNumber()).thenReturn(c))
                    .onErrorResume(e -> invoices.release(claimId).then(Mono.error(e)))
                    .map(c -> Submitted.of(c, null, Map.of("claimId", claimId, "estimate", estimate))));
        });
    }

    /** The amount as it would be paid now (fixed at 拨付); unknown while the person is not recognised. */
    private Mono<Map<String, Object>> estimate(String itemCode, AssistanceForm form, String region,
                                               InsuredPerson.Coverage coverage, AssistanceRecipients.Recipient recipient) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (recipient == null) {
            m.put("说明", "待民政部门认定救助对象身份后核定");
            return Mono.just(m);
        }
        return amount(itemCode, form, region, coverage.insuranceType(), recipient).map(a -> {
            m.put(SUBSIDY.equals(itemCode) ? "预计补贴金额" : "预计报销金额", a.toString());
            m.put("救助对象类别", recipient.category());
            return m;
        });
    }

    /** 补贴: the category's share of the contribution; 救助: the calculator's rule on what is still the person's. */
    Mono<Money> amount(String itemCode, AssistanceForm form, String region, String insuranceType,
                       AssistanceRecipients.Recipient recipient) {
        if (SUBSIDY.equals(itemCode)) {
            BigDecimal ratio = properties.getSubsidyRatios().getOrDefault(recipient.category(), BigDecimal.ZERO);
            return Mono.just(Money.parse(form.contribution()).times(ratio));
        }
        Scheme scheme = InsuranceTypes.EMPLOYEE_INSURANCE.equals(insuranceType) ? Scheme.EMPLOYEE : Scheme.RESIDENT;
        return accumulations.of(form.person().id().number(), form.year()).map(ytd -> BenefitCalculator.assistance(
                form.stillPersonal(), ytd, policies.lookup(region, form.year(), scheme)).paid());
    }

    /** After 审核: a person still not recognised waits (补正, clock paused) for 民政's recognition. */
    @CaseReaction(item = {SUBSIDY, CLAIM}, on = CaseEvents.STAGE_COMPLETED, stage = "审核")
    public Mono<Case> awaitRecognition(Case c) {
        AssistanceForm form = ItemSubmissions.form(c, AssistanceForm.class);
        return recipients.of(form.person().id().number()).map(r -> c)
                .switchIfEmpty(Mono.defer(() -> c.getStatus() == CaseStatus.WAITING_FOR_APPLICANT ? Mono.just(c)
                        : cases.requestSupplement(c.getId(), CaseActor.SYSTEM,
                        List.of(Reason.of("awaiting-recognition", AWAITING_RECOGNITION)))));
    }

    private static String authorisation(ItemDefinition item) {
        return item.materials().stream().map(Material::name).filter(n -> n.contains("个人家庭经济状况核查委托授权书"))
                .findFirst().orElse(AUTHORISATION);
    }

    /** One 救助 per 结算单: held under its number in the 救助 scope (the bill's invoice was paid by the basic layers). */
    static String statementKey(AssistanceForm form) {
        return "救助:" + form.statement().number().trim().toUpperCase();
    }

    private static Optional<InsuredPerson.Coverage> coverage(InsuredPerson p, String itemCode) {
        if (SUBSIDY.equals(itemCode)) {
            return p.coverage(InsuranceTypes.RESIDENT_INSURANCE);
        }
        return p.activeBasicCoverage().or(() -> p.coverage(InsuranceTypes.RESIDENT_INSURANCE));
    }
}
