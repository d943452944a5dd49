package org.jingban.designation.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jingban.designation.agreement.Agreements;
import org.jingban.designation.agreement.InstitutionKind;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.StageInsertion;
import org.jingban.platform.cases.StageSpec;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.security.Caller;
import org.jingban.platform.service.items.ItemApplication;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.service.items.Submitters;
import org.jingban.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * 622036009001 / 622036009002: an institution applies for 定点 with 表14 / 表15. Form problems → 400 (every one, nothing
 * stored); the conditions only this service sees ({@link DesignationRules}: already designated, an application
 * running, the 3-/12-month bar after a failed evaluation, an expired licence) → 422 不予受理 with the case kept (表22);
 * else 202 and the case waits for 受理. The chain is the catalog's with 公示, 协商谈判 and 签订协议 added before 办结.
 */
@Service
public class DesignationApplications {

    /** The stages the service adds to the catalog's 申请—受理—评估(审核)—办结. */
    public static final String PUBLICITY = "公示";
    public static final String NEGOTIATION = "协商谈判";
    public static final String SIGNING = "签订协议";
    /** seed 002 §二十五 业务办结: 双方应在5个工作日内签订医保协议 (the stage's own clock). */
    static final int SIGNING_WORKING_DAYS = 5;

    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final CaseService cases;
    private final Dossiers dossiers;
    private final Agreements agreements;
    private final HandlingRegions regions;
    private final Clock clock;

    public DesignationApplications(Catalog catalog, ItemSubmissions submissions, CaseService cases, Dossiers dossiers,
                                   Agreements agreements, HandlingRegions regions, Clock clock) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.cases = cases;
        this.dossiers = dossiers;
        this.agreements = agreements;
        this.regions = regions;
        this.clock = clock;
    }

    public Mono<Submitted> apply(DesignationForm form, Caller caller) {
        InstitutionKind kind = form.kind();
        String division = form.divisionCode();
        boolean divisionOk = division != null && division.matches("\\d{6}");
        String region = divisionOk ? regions.of(division) : catalog.defaultRegion();
        ItemDefinition item = catalog.find(kind.itemCode(), region).orElseGet(() -> catalog.item(kind.itemCode(),
                catalog.defaultRegion()));
        submissions.validate(form, item);
        if (!item.regionCode().equals(region) && catalog.find(kind.itemCode(), region).isEmpty()) {
            throw ProblemException.unprocessable("统筹地区" + region + "未开办「" + item.name() + "」");
        }
        Party institution = Party.institution(form.creditCode().trim(), form.institutionName());
        // the applicant institution before its agreement: its token carries its 统一社会信用代码 (docs/adr/designation.md)
        Submitters.submitter(caller, institution, region);
        LocalDate today = LocalDate.now(clock.withZone(Case.ZONE));
        return Mono.zip(dossiers.ofCreditCode(institution.id()).collectList(),
                        agreements.ofCreditCode(institution.id()).collectList(),
                        cases.hasRunning(InstitutionKind.MEDICAL_INSTITUTION.itemCode(), institution.id()),
                        cases.hasRunning(InstitutionKind.RETAIL_PHARMACY.itemCode(), institution.id()))
                .flatMap(t -> submissions.submitCase(ItemApplication.of(item, form, caller)
                        .applicant(institution)
                        .subject(institution)
                        .failedChecks(DesignationRules.check(form, t.getT1(), t.getT2(), t.getT3() || t.getT4(), today))
                        .extraStages(insertions(item).toArray(StageInsertion[]::new))))
                .flatMap(c -> dossiers.insertOnce(Dossier.open(c.getId(), c.getCaseNumber(), kind, c.getRegionCode(),
                        institution.id(), form.institutionName(), c.getSubmittedOn(), clock.instant()))
                        .thenReturn(Submitted.of(c, null)));
    }

    /** 公示, 协商谈判, 签订协议 (with its 5 working days) before 办结, unless the catalog's chain has them. */
    static List<StageInsertion> insertions(ItemDefinition item) {
        List<String> steps = item.steps();
        List<StageSpec> missing = new java.util.ArrayList<>();
        if (!steps.contains(PUBLICITY)) {
            missing.add(StageSpec.of(PUBLICITY));
        }
        if (!steps.contains(NEGOTIATION)) {
            missing.add(StageSpec.of(NEGOTIATION));
        }
        if (!steps.contains(SIGNING)) {
            missing.add(StageSpec.of(SIGNING, SIGNING_WORKING_DAYS));
        }
        return missing.isEmpty() ? List.of() : List.of(new StageInsertion("办结", missing));
    }

    /** The evaluation stage of a case: the one after 受理 (评估; 松潘's 审核 "包括考察评估、协商谈判、结果公示等"). */
    public static String evaluationStage(Case c) {
        var stages = c.getStages();
        for (int i = 0; i < stages.size() - 1; i++) {
            if (stages.get(i).name().contains("受理")) {
                return stages.get(i + 1).name();
            }
        }
        return "评估";
    }
}
