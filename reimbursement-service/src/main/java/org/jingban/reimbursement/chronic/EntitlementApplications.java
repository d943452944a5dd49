package org.jingban.reimbursement.chronic;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.enrollment.api.coverage.EnrollmentReadModel;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.cases.ActorRole;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.Materials;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Role;
import org.jingban.platform.service.items.CaseReaction;
import org.jingban.platform.service.items.ItemApplication;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * 门诊慢特病病种待遇认定 (622036005000; Songpan's 高血压、糖尿病 and 单行支付药品、高值药品 items) on the item extension
 * point: 表12 → the person's coverage → the region's item (20 working days; Wuwei promises 15; Songpan's 10 and 20) →
 * the disease of the kind's list, the person not already entitled for it, Songpan's 两病 for residents only → the
 * case. An application short of materials is not refused: it waits for them with a 补正 notice (一次性告知) sent the
 * moment it is submitted. A designated institution may take the application for the office (一站式受理): it is
 * submitted and accepted in the institution's name, and the office reviews it. Granted on 办结 ({@link #grant}).
 */
@Service
public class EntitlementApplications {

    static final String DISEASE_CODE = "病种编码";
    static final String DISEASE_NAME = "病种名称";
    static final String CROSS_PROVINCE = "跨省直接结算病种";
    static final String INSURANCE = "参保险种名称";
    /** 一站式受理 by a designated institution. */
    static final String ONE_STOP = "一站式受理机构";

    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final CaseService cases;
    private final EnrollmentReadModel enrollment;
    private final Entitlements entitlements;
    private final ChronicDiseaseProperties diseases;
    private final Clock clock;

    public EntitlementApplications(Catalog catalog, ItemSubmissions submissions, CaseService cases,
                                   EnrollmentReadModel enrollment, Entitlements entitlements,
                                   ChronicDiseaseProperties diseases, Clock clock) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.cases = cases;
        this.enrollment = enrollment;
        this.entitlements = entitlements;
        this.diseases = diseases;
        this.clock = clock;
    }

    public Mono<Submitted> apply(EntitlementKind kind, EntitlementForm form, Caller caller) {
        ItemDefinition reference = catalog.items().stream().filter(i -> i.code().equals(kind.itemCode())).findFirst()
                .orElseThrow();
        var v = submissions.check(form, reference);
        var disease = form.disease() == null ? java.util.Optional.<ChronicDiseaseProperties.Disease>empty()
                : diseases.find(form.disease().trim(), kind);
        if (form.disease() != null && !form.disease().isBlank() && disease.isEmpty()) {
            v.add("申请病种名称", "unknown-disease", "申请病种不在" + kind.label() + "的病种目录内："
                    + String.join("、", diseases.of(kind).stream().map(ChronicDiseaseProperties.Disease::getName).toList()));
        }
        v.throwIfAny();
        String idNumber = form.id().number();
        String insurance = form.insuranceTypeName();
        return enrollment.byIdNumber(idNumber)
                .flatMap(p -> Mono.justOrEmpty(p.coverage(insurance)))
                .switchIfEmpty(Mono.error(() -> ProblemException.unprocessable("未查询到该人员的" + insurance
                        + "参保信息，参保人员方可申请门诊慢特病待遇认定", List.of(new Violation("证件类型及号码", "not-insured",
                        "未查询到该人员的" + insurance + "参保信息")))))
                .flatMap(coverage -> {
                    String region = coverage.regionCode();
                    ItemDefinition item = catalog.find(kind.itemCode(), region).orElseThrow(() ->
                            ProblemException.unprocessable("参保地" + region + "未开办「" + reference.name() + "」"));
                    submissions.validate(form, item);
                    ChronicDiseaseProperties.Disease d = disease.orElseThrow();
                    LocalDate today = LocalDate.now(clock.withZone(Case.ZONE));
                    return entitlements.entitledOn(idNumber, d.getCode(), today).flatMap(entitled -> {
                        List<Reason> checks = new ArrayList<>();
                        if (!coverage.active()) {
                            checks.add(Reason.at("证件类型及号码", "not-active", "该人员" + insurance + "当前不是参保缴费状态"));
                        }
                        if (form.insuredRegion() != null && !form.insuredRegion().equals(region)) {
                            checks.add(Reason.at("参保地", "region-mismatch", "参保地与参保登记不符（登记的参保地为" + region + "）"));
                        }
                        if (kind == EntitlementKind.HYPERTENSION_DIABETES
                                && !InsuranceTypes.RESIDENT_INSURANCE.equals(insurance)) {
                            // seed 003 §二十一: 服务对象 统筹地区内城乡居民医保参保人员
                            checks.add(Reason.at("参保险种", "residents-only", "高血压、糖尿病病种待遇认定仅适用于城乡居民医保参保人员"));
                        }
                        if (entitled) {
                            checks.add(Reason.at("申请病种名称", "already-entitled", "已享受" + d.getName() + "门诊慢特病待遇，无需重复认定"));
                        }
                        ItemApplication application = ItemApplication.of(item, form, caller)
                                .applicant(Party.person(idNumber, form.name()))
                                .failedChecks(checks)
                                .formValue(DISEASE_CODE, d.getCode())
                                .formValue(DISEASE_NAME, d.getName())
                                .formValue(CROSS_PROVINCE, d.isCrossProvince())
                                .formValue(INSURANCE, insurance);
                        CaseActor institution = caller.has(Role.INSTITUTION) && caller.institutionCode() != null
                                ? CaseActor.staff("institution:" + caller.institutionCode(),
                                "定点医疗机构" + caller.institutionCode(), ActorRole.CLERK, region) : null;
                        if (institution != null) {
                            application.submittedBy(institution).formValue(ONE_STOP, caller.institutionCode());
                        }
                        return submissions.submitCase(application)
                                .flatMap(c -> afterSubmit(c, institution))
                                .map(c -> Submitted.of(c, null));
                    });
                });
    }

    /** 一站式: the institution accepts; materials short: the 补正 notice now, every missing one named at once. */
    private Mono<Case> afterSubmit(Case c, CaseActor institution) {
        List<Reason> missing = Materials.missing(c.getMaterials());
        if (!missing.isEmpty()) {
            return cases.requestSupplement(c.getId(), CaseActor.SYSTEM, missing);
        }
        if (institution != null && c.getStatus() == CaseStatus.SUBMITTED) {
            return cases.accept(c.getId(), institution);
        }
        return Mono.just(c);
    }

    /** 办结: the entitlement, once (its id is the case's), valid for the region's period from the day of 办结. */
    @CaseReaction(item = {"622036005000", "local:songpan:城乡居民医保参保人员高血压、糖尿病病种待遇认定",
            "local:songpan:单行支付药品、高值药品支付管理病种待遇认定"}, on = CaseEvents.COMPLETED)
    public Mono<Entitlement> grant(Case c) {
        EntitlementForm form = ItemSubmissions.form(c, EntitlementForm.class);
        Map<String, Object> values = c.getForm();
        LocalDate from = c.getFinishedOn() != null ? c.getFinishedOn() : LocalDate.now(clock.withZone(Case.ZONE));
        int months = diseases.validityMonths(c.getRegionCode());
        return entitlements.grantOnce(Entitlement.grant(new Entitlement.Terms(c.getId(), c.getCaseNumber(),
                EntitlementKind.ofItem(c.getItemCode()).orElseThrow(), form.id().number(), form.name(),
                (String) values.get(INSURANCE), c.getRegionCode(), (String) values.get(DISEASE_CODE),
                (String) values.get(DISEASE_NAME), Boolean.TRUE.equals(values.get(CROSS_PROVINCE)),
                form.institutionCode(), form.institutionName(), from,
                months == 0 ? null : from.plusMonths(months).minusDays(1)), clock.instant()));
    }
}
