package org.jingban.settlement.direct;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jingban.designation.api.AgreementEvents;
import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.enrollment.api.coverage.EnrollmentReadModel;
import org.jingban.enrollment.api.coverage.InsuredPerson;
import org.jingban.platform.benefits.InstitutionLevel;
import org.jingban.platform.benefits.Place;
import org.jingban.platform.benefits.Scheme;
import org.jingban.platform.benefits.VisitType;
import org.jingban.platform.cases.Reason;
import org.jingban.settlement.coverage.AgreementReadModel;
import org.jingban.settlement.coverage.EntitlementReadModel;
import org.jingban.settlement.coverage.KnownEntitlement;
import org.jingban.offsitefiling.api.coverage.OffsiteFilingReadModel;
import org.jingban.offsitefiling.api.coverage.Pools;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The conditions of a direct settlement, all from read models of other services' events (no call): the person's
 * coverage (enrollment), the institution's agreement and its scope (designated-institution), a filing for a visit
 * outside the person's pool (offsite-filing), an entitlement for a 门诊慢特病 visit (reimbursement). Every condition
 * that fails is one {@link Reason}; the caller refuses with all of them at once.
 */
@Component
public class Eligibility {

    static final String WUWEI = "620600";
    static final String IN_PROVINCE = "省内异地";
    static final String CROSS_PROVINCE = "跨省异地";

    private final EnrollmentReadModel enrollment;
    private final AgreementReadModel agreements;
    private final OffsiteFilingReadModel filings;
    private final EntitlementReadModel entitlements;
    private final DirectSettlementProperties properties;

    public Eligibility(EnrollmentReadModel enrollment, AgreementReadModel agreements, OffsiteFilingReadModel filings,
                       EntitlementReadModel entitlements, DirectSettlementProperties properties) {
        this.enrollment = enrollment;
        this.agreements = agreements;
        this.filings = filings;
        this.entitlements = entitlements;
        this.properties = properties;
    }

    /** What was found and decided; {@code reasons} empty when the bill may be settled. */
    public record Assessment(InsuredPerson person, InsuredPerson.Coverage coverage, Scheme scheme,
                             AgreementEvents.Agreement agreement, InstitutionLevel level, String visitRegion,
                             Place place, boolean chronicEntitled, String itemCode, String matter,
                             List<Reason> reasons) {
    }

    public Mono<Assessment> assess(SettlementRequest request, String institution) {
        VisitType visit = request.visit().orElseThrow();
        LocalDate day = request.visitDate();
        String id = request.idNumber().strip().toUpperCase(java.util.Locale.ROOT);
        return Mono.zip(enrollment.byIdNumber(id).map(Optional::of).defaultIfEmpty(Optional.empty()),
                        agreements.of(institution).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(found -> {
                    List<Reason> reasons = new ArrayList<>();
                    InsuredPerson person = found.getT1().orElse(null);
                    InsuredPerson.Coverage coverage = person == null ? null : coverage(person, day, reasons);
                    if (person == null) {
                        reasons.add(Reason.at("idNumber", "not-insured", "未查询到该人员的基本医疗保险参保信息"));
                    }
                    AgreementEvents.Agreement agreement = found.getT2().orElse(null);
                    InstitutionLevel level = agreement == null ? null
                            : agreement(agreement, visit, day, properties.pharmacyLevel(), reasons);
                    if (agreement == null) {
                        reasons.add(Reason.at("institution", "institution-not-designated",
                                "本机构不是定点医药机构（未查询到医保协议），不能直接结算"));
                    }
                    Scheme scheme = coverage == null ? null
                            : InsuranceTypes.EMPLOYEE_INSURANCE.equals(coverage.insuranceType()) ? Scheme.EMPLOYEE : Scheme.RESIDENT;
                    String visitRegion = agreement == null ? null
                            : agreement.divisionCode() != null ? agreement.divisionCode() : agreement.regionCode();
                    String pool = coverage == null ? null : coverage.regionCode();
                    Mono<Place> place = coverage == null || agreement == null ? Mono.just(Place.IN_POOL)
                            : place(id, pool, visitRegion, agreement, day, reasons);
                    return place.flatMap(p -> chronic(request, id, institution, agreement, pool, visitRegion, p, reasons)
                            .map(entitled -> new Assessment(person, coverage, scheme, agreement, level, visitRegion, p,
                                    entitled, itemCode(pool, visit), matter(visit, pool, visitRegion, p),
                                    List.copyOf(reasons))));
                });
    }

    /** The person's active basic medical insurance: 职工 first, else 城乡居民 (as reimbursement-service decides). */
    private static InsuredPerson.Coverage coverage(InsuredPerson p, LocalDate day, List<Reason> reasons) {
        Optional<InsuredPerson.Coverage> covering = p.basicCoverageOn(day);
        if (covering.isEmpty()) {
            String status = p.coverages().stream().map(InsuredPerson.Coverage::statusLabel).findFirst().orElse("未参保");
            reasons.add(Reason.at("idNumber", "coverage-not-active", "就诊日（" + day + "）该人员没有有效的基本医疗保险参保缴费期间"
                    + "（目前参保状态为“" + status + "”），不享受医保待遇"));
        }
        return covering.orElse(null);
    }

    /**
     * The agreement's status, validity and scope on the visit day; the institution's level for the calculator. A
     * 定点零售药店 settles purchases (a 门诊 or 门诊慢特病 visit) under its 药品零售 scope, paid at the configured
     * {@code pharmacyLevel}; it never settles an 住院.
     */
    private static InstitutionLevel agreement(AgreementEvents.Agreement a, VisitType visit, LocalDate day,
                                              InstitutionLevel pharmacyLevel, List<Reason> reasons) {
        boolean pharmacy = isPharmacy(a);
        String scope = pharmacy ? AgreementEvents.RETAIL_DRUGS : scope(visit);
        if (pharmacy && visit == VisitType.INPATIENT) {
            reasons.add(Reason.at("visitType", "pharmacy-inpatient", "定点零售药店只能结算购药费用（门诊、门诊慢特病），不能结算住院费用"));
        }
        if ("SUSPENDED".equals(a.status())) {
            reasons.add(Reason.at("institution", "institution-suspended", "本机构医保协议已暂停"
                    + (a.suspendedFrom() == null ? "" : "（" + a.suspendedFrom() + "起"
                    + (a.suspendedUntil() == null ? "" : "至" + a.suspendedUntil()) + "）")
                    + (a.suspensionReason() == null ? "" : "，原因：" + a.suspensionReason()) + "，暂停期间不能直接结算"));
        } else if ("TERMINATED".equals(a.status())) {
            reasons.add(Reason.at("institution", "institution-terminated", "本机构医保协议已终止，不能直接结算"));
        } else if (day.isBefore(a.validFrom()) || (a.validUntil() != null && day.isAfter(a.validUntil()))) {
            reasons.add(Reason.at("visitDate", "agreement-not-in-force", "就诊日不在本机构医保协议有效期（"
                    + a.validFrom() + "至" + (a.validUntil() == null ? "长期" : a.validUntil()) + "）内"));
        }
        if (!a.scope().contains(scope)) {
            reasons.add(Reason.at("visitType", "scope-not-agreed", "本机构医保协议范围不含" + scopeLabel(scope)));
        }
        Optional<InstitutionLevel> level = pharmacy ? Optional.of(pharmacyLevel) : InstitutionLevel.ofLabel(a.level());
        if (level.isEmpty()) {
            reasons.add(Reason.at("institution", "institution-level-unknown", "本机构等级为“" + a.level()
                    + "”，待遇政策未按该等级配置，不能直接结算"));
        }
        return level.orElse(null);
    }

    private Mono<Place> place(String id, String pool, String visitRegion, AgreementEvents.Agreement a, LocalDate day,
                              List<Reason> reasons) {
        if (Pools.within(visitRegion, pool)) {
            return Mono.just(Place.IN_POOL);
        }
        String kind = Pools.sameProvince(visitRegion, pool) ? IN_PROVINCE : CROSS_PROVINCE;
        if (!a.scope().contains(AgreementEvents.OFFSITE_SETTLEMENT)
                || (!a.offsiteSettlement().isEmpty() && !a.offsiteSettlement().contains(kind))) {
            reasons.add(Reason.at("institution", "offsite-not-opened", "本机构未开通" + kind + "就医直接结算业务"));
        }
        return filings.covers(id, visitRegion, day).map(filed -> {
            if (filed) {
                return Place.FILED_OFFSITE;
            }
            if (properties.unfiledOffsite() == DirectSettlementProperties.UnfiledOffsite.REFUSE) {
                reasons.add(Reason.at("idNumber", "offsite-unfiled", "参保地" + pool + "以外就医（" + kind
                        + "），就诊日无有效的异地就医备案，不能直接结算：请先办理（或补办）异地就医备案，或回参保地按未备案比例手工报销"));
            }
            return Place.UNFILED_OFFSITE;
        });
    }

    private Mono<Boolean> chronic(SettlementRequest r, String id, String institution, AgreementEvents.Agreement a,
                                  String pool, String visitRegion, Place place, List<Reason> reasons) {
        if (r.visit().orElseThrow() != VisitType.CHRONIC_OUTPATIENT) {
            return Mono.just(false);
        }
        String disease = r.diseaseCode().strip();
        boolean crossProvince = place != Place.IN_POOL && !Pools.sameProvince(visitRegion, pool);
        return entitlements.on(id, disease, r.visitDate()).collectList().map(found -> {
            List<KnownEntitlement> usable = found;
            if (usable.isEmpty()) {
                reasons.add(Reason.at("diseaseCode", "not-entitled", "就诊日该人员无病种" + disease
                        + "的门诊慢特病待遇资格（请先办理门诊慢特病病种待遇认定），不能按门诊慢特病结算"));
                return false;
            }
            if (crossProvince) {
                usable = usable.stream().filter(KnownEntitlement::crossProvince).toList();
                if (usable.isEmpty()) {
                    reasons.add(Reason.at("diseaseCode", "not-cross-province-disease",
                            "该病种不属于可跨省直接结算的五种门诊慢特病（高血压、糖尿病、恶性肿瘤门诊治疗、透析、器官移植抗排异治疗）"));
                    return false;
                }
            } else if (place == Place.IN_POOL && usable.stream().allMatch(e -> e.institutionCode() != null
                    && !e.institutionCode().equals(institution)
                    && (a == null || (!e.institutionCode().equals(a.institutionCode())
                    && !e.institutionCode().equals(a.creditCode()))))) {
                reasons.add(Reason.at("institution", "entitlement-other-institution",
                        "该人员门诊慢特病待遇选定的定点医疗机构为" + usable.get(0).institutionCode() + "，请在选定机构结算或先变更选定机构"));
                return false;
            }
            return true;
        });
    }

    /** A 定点零售药店: its agreement says so, or its national code's letter (P). */
    static boolean isPharmacy(AgreementEvents.Agreement a) {
        return "RETAIL_PHARMACY".equals(a.kind()) || (a.institutionCode() != null && a.institutionCode().startsWith("P"));
    }

    /** The agreement scope a visit type needs (at a hospital). */
    static String scope(VisitType visit) {
        return switch (visit) {
            case OUTPATIENT -> AgreementEvents.OUTPATIENT;
            case CHRONIC_OUTPATIENT -> AgreementEvents.CHRONIC_DISEASE;
            case INPATIENT -> AgreementEvents.INPATIENT;
        };
    }

    private static String scopeLabel(String scope) {
        return switch (scope) {
            case AgreementEvents.OUTPATIENT -> "门诊";
            case AgreementEvents.INPATIENT -> "住院";
            case AgreementEvents.CHRONIC_DISEASE -> "门诊慢特病";
            case AgreementEvents.RETAIL_DRUGS -> "药品零售";
            default -> scope;
        };
    }

    /** Wuwei's local items (主动服务) for its insured persons' outpatient and 门诊慢特病 settlements. */
    static String itemCode(String pool, VisitType visit) {
        if (pool == null || !Pools.within(pool, WUWEI)) {
            return null;
        }
        return switch (visit) {
            case OUTPATIENT -> "local:wuwei:普通门诊";
            case CHRONIC_OUTPATIENT -> "local:wuwei:门诊慢特病";
            case INPATIENT -> null;
        };
    }

    /** Seed 004's 一件事 names for what the settlement does. */
    static String matter(VisitType visit, String pool, String visitRegion, Place place) {
        if (visit == VisitType.CHRONIC_OUTPATIENT && place != Place.IN_POOL && !Pools.sameProvince(visitRegion, pool)) {
            return "五种门诊慢特病费用跨省直接结算";
        }
        return "医疗费用报销直接结算";
    }
}
