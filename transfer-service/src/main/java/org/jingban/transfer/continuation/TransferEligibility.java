package org.jingban.transfer.continuation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.identifiers.Divisions;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.web.problem.Violations;
import org.jingban.platform.signing.OfficeKeys;
import org.jingban.transfer.TransferProperties;
import org.jingban.transfer.certificate.CertificateService;
import org.jingban.transfer.enrollment.EnrolledPerson;
import org.jingban.transfer.enrollment.EnrollmentReadModel;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 办理条件 of 622036003002 (catalog: 参保人员跨统筹地区流动，在转出地已中止参保，并按规定参加转入地基本医疗保险的), checked
 * against this service's read model of enrollment: insured (ACTIVE) in the 转入地 (when this system serves it),
 * coverage stopped in the 转出地 (when this system serves it), the name registered with the 证件号码 — seed 002
 * §十一(十四): "转入地和转出地医疗保障经办机构分别校验是否符合办理条件", each office what it knows. The one place these
 * rules live: 申请 stores a case refused with the reasons (不予受理), 预检 only reports them.
 */
@Component
public class TransferEligibility {

    /**
     * Coverage in the 转出地 that has stopped (中止参保): suspended for a transfer, or no longer contributing because
     * the unit reported 中断 or 终止 — enrollment-service releases the record in any of these (its README).
     */
    static final Set<String> STOPPED_COVERAGE = Set.of("SUSPENDED", "INTERRUPTED", "TERMINATED");

    private final Catalog catalog;
    private final EnrollmentReadModel enrollment;
    private final ItemSubmissions submissions;
    private final TransferProperties properties;
    private final CertificateService certificates;
    private final OfficeKeys keys;

    public TransferEligibility(Catalog catalog, EnrollmentReadModel enrollment, ItemSubmissions submissions,
                               TransferProperties properties, CertificateService certificates, OfficeKeys keys) {
        this.catalog = catalog;
        this.enrollment = enrollment;
        this.submissions = submissions;
        this.properties = properties;
        this.certificates = certificates;
        this.keys = keys;
    }

    /**
     * The item as the office that keeps the case defines it ({@link #handlingRegion}), once the form has no problem
     * and one of the two offices is served here; else 400 with every problem, nothing stored. While the 转入地 is
     * unknown the province's definition names the required fields.
     */
    public ItemDefinition itemFor(TransferApplicationForm form) {
        String handling = handlingRegion(form);
        ItemDefinition item = handling == null ? null : catalog.find(TransferStages.ITEM_CODE, handling).orElse(null);
        Violations v = submissions.check(form,
                item != null ? item : catalog.item(TransferStages.ITEM_CODE, properties.homeProvince()));
        if (form.knownReceivingRegion()) {
            v.check(item != null, TransferApplicationForm.TO_REGION, "not-served",
                    "转入地和转出地均不在本系统服务范围，请向转入地或转出地医疗保障经办机构申请");
        }
        v.throwIfAny();
        return item;
    }

    /**
     * The office that accepts the application and keeps its case: the 转入地 when this system serves it (由转入地经办
     * 机构受理并负责办结); else the 转出地, when served here, which hands the application to the 转入地 in another
     * province through the national platform (seed 002 §十一(十四): "参保人员或用人单位携带办理材料向转入地或转出地医疗
     * 保障经办机构申请"); null when neither is.
     */
    public String handlingRegion(TransferApplicationForm form) {
        if (!form.knownReceivingRegion()) {
            return null;
        }
        if (properties.serves(form.toRegionCode())) {
            return form.toRegionCode();
        }
        return properties.serves(form.fromRegionCode()) && Divisions.isKnownRegionCode(form.fromRegionCode())
                ? form.fromRegionCode() : null;
    }

    /**
     * The unit whose agent applies for its employee (seed 002 §十一(十四) 办理流程: "参保人员或用人单位通过线上办理渠道申请
     * …"): the unit, by its 统一社会信用代码, must be the one the person's 职工医保 names in the 转出地 or the 转入地
     * (this service's read model of enrollment's person and unit events); empty when it is not.
     */
    public Mono<Party> employerOf(TransferApplicationForm form, String unitCode) {
        if (unitCode == null || form.idNumber() == null) {
            return Mono.empty();
        }
        return enrollment.byIdNumber(form.idNumber())
                .flatMapMany(person -> Flux.fromIterable(person.getInsurances()))
                .filter(i -> InsuranceTypes.EMPLOYEE_INSURANCE.equals(i.insuranceType()) && i.unitId() != null
                        && (i.regionCode().equals(form.fromRegionCode()) || i.regionCode().equals(form.toRegionCode())))
                .concatMap(i -> enrollment.unitById(i.unitId()))
                .filter(unit -> unitCode.equalsIgnoreCase(unit.uscc()))
                .next()
                .map(unit -> Party.employer(unit.uscc(), unit.name()));
    }

    /** Every 办理条件 the applicant does not meet (empty: eligible), the named 参保凭证's problems last. */
    public Mono<List<Reason>> unmetConditions(TransferApplicationForm form) {
        if (TransferApplicationForm.OTHER_SCHEME.equals(form.enrollmentInsuranceType())) {
            return Mono.just(List.of(Reason.at("基本医疗保险类型", "other-scheme", "现参加的基本医疗保险为其他（"
                    + form.otherSchemeNote() + "），本事项只办理职工医保与城乡居民医保的转移接续，请向原参保地医疗保障经办机构咨询")));
        }
        return enrollment.byIdNumber(form.idNumber()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .map(person -> conditions(form, person))
                .zipWith(certificateProblems(form), (a, b) -> {
                    List<Reason> all = new ArrayList<>(a);
                    all.addAll(b);
                    return all;
                });
    }

    /**
     * The 《参保凭证》 named by its 凭证号 (表9's materials list it): issued by this system for this person, by the
     * 转出地, for the scheme transferred, its seal valid. Without a 凭证号 the material counts as handed in (paper, or a
     * 凭证 issued outside this system); a 凭证号 this system cannot know (转出地 not served here) is not checked.
     */
    private Mono<List<Reason>> certificateProblems(TransferApplicationForm form) {
        String number = form.certificateNumber();
        if (number == null || number.isBlank() || !properties.serves(form.fromRegionCode())) {
            return Mono.just(List.of());
        }
        String field = "参保凭证号";
        return certificates.find(number.trim())
                .flatMap(c -> keys.verify(c.content(), c.seal()).map(valid -> {
                    List<Reason> reasons = new ArrayList<>();
                    if (!valid) {
                        reasons.add(Reason.at(field, "certificate-seal-invalid", "参保凭证的电子签章验证未通过"));
                    }
                    if (!c.idNumber().equals(form.idNumber())) {
                        reasons.add(Reason.at(field, "certificate-other-person", "参保凭证不是该参保人员的"));
                    }
                    if (!c.regionCode().equals(form.fromRegionCode())) {
                        reasons.add(Reason.at(field, "certificate-other-region", "参保凭证不是转出地（"
                                + form.fromRegionCode() + "）出具的"));
                    }
                    if (!CertificateService.covers(c, form.enrollmentInsuranceType())) {
                        reasons.add(Reason.at(field, "certificate-other-scheme", "参保凭证未载明" + form.enrollmentInsuranceType()
                                + "的参保信息"));
                    }
                    return reasons;
                }))
                .defaultIfEmpty(List.of(Reason.at(field, "certificate-not-found", "未查询到凭证号为" + number.trim()
                        + "的参保凭证，请核对凭证号或由转出地重新出具")));
    }

    private List<Reason> conditions(TransferApplicationForm form, Optional<EnrolledPerson> found) {
        List<Reason> reasons = new ArrayList<>();
        // a 转入地 in another province checks its own condition (insured there) when the application reaches it
        boolean receivingHere = properties.serves(form.toRegionCode());
        if (found.isEmpty()) {
            reasons.add(receivingHere
                    ? Reason.at(TransferApplicationForm.TO_REGION, "not-insured-here",
                            "未查询到该人员在转入地的参保信息，请先在转入地参保")
                    : Reason.at(TransferApplicationForm.FROM_REGION, "no-record-out", "未查询到该人员在转出地的参保信息"));
            return reasons;
        }
        EnrolledPerson person = found.get();
        if (!person.getName().equals(form.applicant().name())) {
            reasons.add(Reason.at("姓名", "name-mismatch", "姓名与证件号码登记信息不符"));
        }
        String type = form.enrollmentInsuranceType();
        if (receivingHere) {
            receivingConditions(person, form.toRegionCode(), type).ifPresent(reasons::add);
        }
        // the 转出地's record is known here only when this system serves it; another province checks it on release
        if (properties.serves(form.fromRegionCode())) {
            Optional<PersonEvents.InsuranceView> out = person.insurance(type, form.fromRegionCode());
            if (out.isEmpty()) {
                reasons.add(Reason.at(TransferApplicationForm.FROM_REGION, "no-record-out",
                        "转出地没有该人员的" + type + "参保记录"));
            } else if (!STOPPED_COVERAGE.contains(out.get().status())) {
                reasons.add(Reason.at(TransferApplicationForm.FROM_REGION, "not-suspended", "转出地的" + type
                        + "尚未中止参保（当前：" + (out.get().statusLabel() == null ? out.get().status()
                        : out.get().statusLabel()) + "）"));
            }
        }
        return reasons;
    }

    /**
     * Insured in the 转入地, in the scheme transferred: the periods and balance move into the same scheme there (职工
     * to 职工, 城乡居民 to 城乡居民) — the seeds describe no transfer that changes the scheme, so insurance in another
     * scheme there is named, not used.
     */
    private static Optional<Reason> receivingConditions(EnrolledPerson person, String toRegion, String type) {
        List<PersonEvents.InsuranceView> activeHere = person.insurancesIn(toRegion).stream()
                .filter(i -> "ACTIVE".equals(i.status())).toList();
        if (activeHere.isEmpty()) {
            return Optional.of(Reason.at(TransferApplicationForm.TO_REGION, "not-insured-here",
                    "未在转入地参加基本医疗保险，请先在转入地参保"));
        }
        if (activeHere.stream().noneMatch(i -> i.insuranceType().equals(type))) {
            return Optional.of(Reason.at("基本医疗保险类型", "scheme-mismatch", "转入地参加的是"
                    + activeHere.get(0).insuranceType() + "，与申请转移的" + type
                    + "不一致：参保缴费年限和个人账户只能转入同一险种，请先在转入地参加" + type + "，或按转入地参加的险种申请"));
        }
        return Optional.empty();
    }
}
