package org.jingban.designation.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jingban.designation.agreement.Agreement;
import org.jingban.designation.agreement.Agreements;
import org.jingban.designation.agreement.DesignationPolicy;
import org.jingban.designation.agreement.InstitutionCodes;
import org.jingban.designation.agreement.Scopes;
import org.jingban.platform.calendar.WorkingDayCalendar;
import org.jingban.platform.cases.ActorRole;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseAction;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.HistoryEntry;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.application.CaseNotFoundException;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.security.Authorize;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Role;
import org.jingban.platform.service.cases.CaseActors;
import org.jingban.platform.service.items.ItemSubmissions;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The steps of an accepted application for 定点 after 受理 (seed 002 §二十五–二十六): 评估 (pass → 公示; fail → 未通过 with
 * 表23 and the bar), 公示 of at least 5 working days with objections filed and resolved, its conclusion by someone other
 * than the evaluator, 协商谈判, and 签订医保协议 (the agreement, its code and events; then 办结). 受理, 补正 and 不予受理
 * are the shared case endpoints. Each step checks the case (current stage, status) and the dossier's rules, then takes
 * the case kernel's step as the person (roles, region), then records the dossier.
 */
@Service
public class DesignationSteps {

    private final CaseService cases;
    private final Dossiers dossiers;
    private final Agreements agreements;
    private final InstitutionCodes codes;
    private final DesignationPolicy policy;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    public DesignationSteps(CaseService cases, Dossiers dossiers, Agreements agreements, InstitutionCodes codes,
                            DesignationPolicy policy, WorkingDayCalendar calendar, Clock clock) {
        this.cases = cases;
        this.dossiers = dossiers;
        this.agreements = agreements;
        this.codes = codes;
        this.policy = policy;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The case and its dossier, if the caller may see them (else 404). */
    public record Application(Case kase, Dossier dossier) {
    }

    public Mono<Application> visible(String caseNumber, Caller caller) {
        return cases.findByNumber(caseNumber)
                .onErrorResume(CaseNotFoundException.class, e -> Mono.empty())
                .filter(c -> org.jingban.designation.agreement.InstitutionKind.ofItem(c.getItemCode()).isPresent())
                .transform(Authorize.visibleToAny(caller, CaseActors::owners))
                .flatMap(c -> dossiers.byId(c.getId()).map(d -> new Application(c, d))
                        .defaultIfEmpty(new Application(c, null)));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Case.ZONE));
    }

    // ------------------------------------------------------------------ 评估

    public record EvaluationInput(boolean passed, String method, String evaluator, String findings,
                                  List<String> reasons, List<String> suggestions, LocalDate filedOn) {
    }

    public Mono<Application> evaluate(String caseNumber, Caller caller, EvaluationInput in) {
        return withDossier(caseNumber, caller).flatMap(app -> {
            Case c = app.kase();
            String stage = DesignationApplications.evaluationStage(c);
            CaseActor actor = reviewer(caller);
            List<Reason> found = new ArrayList<>(atStage(c, stage));
            // 较高风险: who accepted the application does not evaluate it
            if (doneBy(c, CaseAction.ACCEPT).contains(actor.id())) {
                found.add(Reason.of("separation-of-duties", "受理与评估须由不同人员办理：您已受理本申请"));
            }
            if (app.dossier().getEvaluation() != null) {
                found.add(Reason.of("evaluation.done", "本申请已评估"));
            }
            if (!found.isEmpty()) {
                return Mono.error(Dossiers.refused(found));
            }
            return Mono.zip(dossiers.ofCreditCode(app.dossier().getCreditCode()).collectList(),
                    agreements.ofCreditCode(app.dossier().getCreditCode()).collectList()).flatMap(t -> {
                boolean repeat = !in.passed() && DesignationRules.repeatedFailure(c.getId(), t.getT1(), t.getT2());
                Dossier.Evaluation e = new Dossier.Evaluation(in.passed(), in.method(), in.evaluator(), in.findings(),
                        in.reasons(), in.suggestions(), repeat, actor.id(), today(), in.filedOn());
                Mono<Case> step = in.passed()
                        ? cases.advance(c.getId(), actor, stage, "评估合格：" + in.findings())
                        // the 未完成 message (evaluation-failed) names these reasons; 表23 adds the suggestions
                        : cases.refuse(c.getId(), actor, in.reasons().stream()
                        .map(r -> Reason.of("evaluation.failed", r)).toList());
                return step.flatMap(changed -> dossiers.change(c.getId(), d -> d.evaluate(e))
                        .map(d -> new Application(changed, d)));
            });
        });
    }

    // ------------------------------------------------------------------ 表23 送达

    /**
     * 送达 of the 评估不合格告知书: the institution signs for it online (电子送达, today), or staff record how and when it
     * was delivered (直接送达 at the window, 邮寄送达 by the postal receipt's date, 电子送达). The bars count from this day.
     */
    public record NoticeDeliveryInput(String method, String recipient, String recipientPhone, LocalDate deliveredOn) {
    }

    public Mono<Application> recordNoticeDelivery(String caseNumber, Caller caller, NoticeDeliveryInput in) {
        return withDossier(caseNumber, caller).flatMap(app -> {
            LocalDate today = today();
            if (!caller.isStaff() && in.deliveredOn() != null && !in.deliveredOn().equals(today)) {
                return Mono.error(Dossiers.refused(List.of(Reason.at("签收日期", "institution-today",
                        "申请机构在线签收的，签收日期为签收当日（" + today + "）"))));
            }
            Dossier.NoticeDelivery delivery = new Dossier.NoticeDelivery(in.method(), in.recipient(), in.recipientPhone(),
                    in.deliveredOn() == null ? today : in.deliveredOn(), caller.subject(), clock.instant());
            return dossiers.change(app.kase().getId(), d -> d.recordNoticeDelivery(delivery, today))
                    .map(d -> new Application(app.kase(), d));
        });
    }

    // ------------------------------------------------------------------ 公示

    /**
     * 公示 starts on {@code startOn} (today if null, never earlier) and lasts 5 working days counting the first working
     * day from the start: {@code endsOn} is its last day on the official calendar.
     */
    public Mono<Application> startPublicity(String caseNumber, Caller caller, LocalDate startOn) {
        return withDossier(caseNumber, caller).flatMap(app -> {
            LocalDate start = startOn == null ? today() : startOn;
            List<Reason> found = new ArrayList<>(atStage(app.kase(), DesignationApplications.PUBLICITY));
            if (start.isBefore(today())) {
                found.add(Reason.at("公示开始日期", "in-past", "公示开始日期不能早于今天"));
            }
            if (!found.isEmpty()) {
                return Mono.error(Dossiers.refused(found));
            }
            // seed 002 §二十五 组织评估②: 公示期不少于5个工作日
            LocalDate ends = calendar.addWorkingDays(start.minusDays(1), PUBLICITY_WORKING_DAYS);
            return dossiers.change(app.kase().getId(), d -> d.startPublicity(start, ends, caller.subject()))
                    .map(d -> new Application(app.kase(), d));
        });
    }

    /** seed 002 §二十五–二十六 组织评估②: 公示期不少于5个工作日. */
    public static final int PUBLICITY_WORKING_DAYS = 5;

    public Mono<Application> fileObjection(String caseNumber, Caller caller, String objector, String content) {
        return withDossier(caseNumber, caller).flatMap(app -> dossiers.change(app.kase().getId(),
                        d -> d.fileObjection(objector, content, today(), caller.subject()))
                .map(d -> new Application(app.kase(), d)));
    }

    public Mono<Application> resolveObjection(String caseNumber, Caller caller, int no, Dossier.Resolution resolution,
                                              String text) {
        reviewer(caller);
        return withDossier(caseNumber, caller).flatMap(app -> dossiers.change(app.kase().getId(),
                        d -> d.resolveObjection(no, resolution, text, today(), caller.subject()))
                .map(d -> new Application(app.kase(), d)));
    }

    /** 公示 concluded: passed → 协商谈判; an upheld objection → 未通过 with the objections as reasons. */
    public Mono<Application> concludePublicity(String caseNumber, Caller caller) {
        return withDossier(caseNumber, caller).flatMap(app -> {
            CaseActor actor = reviewer(caller);
            List<Reason> found = new ArrayList<>(atStage(app.kase(), DesignationApplications.PUBLICITY));
            if (!found.isEmpty()) {
                return Mono.error(Dossiers.refused(found));
            }
            return dossiers.change(app.kase().getId(), d -> d.concludePublicity(today(), actor.id())).flatMap(d -> {
                Mono<Case> step = d.getPublicity().passed()
                        ? cases.advance(app.kase().getId(), actor, DesignationApplications.PUBLICITY, "公示期满，无异议或异议不成立")
                        : cases.refuse(app.kase().getId(), actor, d.upheld().stream().map(o -> Reason.of(
                        "publicity.objection-upheld", "公示期间异议成立：" + o.content() + "（" + o.resolutionText() + "）"))
                        .toList());
                return step.map(changed -> new Application(changed, d));
            });
        });
    }

    // ------------------------------------------------------------------ 协商谈判 and 签订

    public record NegotiationInput(boolean agreed, List<String> scopeLabels, String remark) {
    }

    public Mono<Application> negotiate(String caseNumber, Caller caller, NegotiationInput in) {
        return withDossier(caseNumber, caller).flatMap(app -> {
            Case c = app.kase();
            CaseActor actor = reviewer(caller);
            List<Reason> found = new ArrayList<>(atStage(c, DesignationApplications.NEGOTIATION));
            if (!found.isEmpty()) {
                return Mono.error(Dossiers.refused(found));
            }
            Set<String> scope = new LinkedHashSet<>();
            in.scopeLabels().forEach(l -> Scopes.value(l).ifPresent(scope::add));
            LocalDate today = today();
            // seed 002 §二十五 业务办结: 达成一致的，双方应在5个工作日内签订医保协议
            Dossier.Negotiation n = new Dossier.Negotiation(in.agreed(), Scopes.sorted(scope), in.remark(), actor.id(),
                    today, in.agreed() ? calendar.addWorkingDays(today, DesignationApplications.SIGNING_WORKING_DAYS) : null);
            return dossiers.change(c.getId(), d -> d.negotiate(n)).flatMap(d -> (in.agreed()
                    ? cases.advance(c.getId(), actor, DesignationApplications.NEGOTIATION, "协商谈判达成一致：" + in.remark())
                    : cases.refuse(c.getId(), actor, List.of(Reason.of("negotiation.failed", "协商谈判未达成一致："
                    + in.remark())))).map(changed -> new Application(changed, d)));
        });
    }

    /**
     * 签订医保协议 by the office's 负责人: the institution gets its code (kept from an earlier agreement of the same
     * institution and kind), the agreement its number and validity, the {@code signed} event goes out with it; then
     * the case completes (办结) with the agreement in its details. Safe to repeat: the agreement's id is the case's.
     */
    public Mono<Application> sign(String caseNumber, Caller caller) {
        return withDossier(caseNumber, caller).flatMap(app -> {
            Case c = app.kase();
            CaseActor actor = CaseActors.as(caller, ActorRole.DIRECTOR);
            boolean atSigning = DesignationApplications.SIGNING.equals(c.currentStageName());
            boolean atCompletion = c.getStatus() != CaseStatus.COMPLETED && "办结".equals(c.currentStageName())
                    && app.dossier().getAgreementNumber() != null;
            List<Reason> found = new ArrayList<>();
            if (!atSigning && !atCompletion) {
                found.addAll(atStage(c, DesignationApplications.SIGNING));
            }
            found.addAll(app.dossier().canSign());
            if (!found.isEmpty()) {
                return Mono.error(Dossiers.refused(found));
            }
            DesignationForm form = form(c);
            return agreements.byId(c.getId())
                    .switchIfEmpty(Mono.defer(() -> newAgreement(c, app.dossier(), form, actor)))
                    .flatMap(a -> dossiers.change(c.getId(), d -> {
                        d.signed(a.getAgreementNumber(), a.getInstitutionCode());
                        return List.of();
                    }).flatMap(d -> (atSigning ? cases.advance(c.getId(), actor, DesignationApplications.SIGNING,
                            "签订医保协议" + a.getAgreementNumber()) : Mono.just(c))
                            .flatMap(advanced -> cases.complete(c.getId(), actor, completionDetails(a)))
                            .map(done -> new Application(done, d))));
        });
    }

    private Mono<Agreement> newAgreement(Case c, Dossier dossier, DesignationForm form, CaseActor actor) {
        LocalDate from = today();
        LocalDate until = from.plusYears(policy.agreementValidityYears(c.getRegionCode())).minusDays(1);
        return agreements.ofCreditCode(dossier.getCreditCode())
                .filter(a -> a.getKind() == dossier.getKind()).next().map(Agreement::getInstitutionCode)
                .switchIfEmpty(Mono.defer(() -> codes.next(dossier.getKind(), form.divisionCode())))
                .flatMap(code -> agreements.insertOnce(Agreement.sign(c.getId(),
                        "YBXY-" + code + "-" + from.toString().replace("-", ""), code, dossier.getKind(),
                        c.getRegionCode(), form.institution(), new LinkedHashSet<>(dossier.getNegotiation().scope()),
                        from, until, c.getCaseNumber(), actor.id(), clock.instant())));
    }

    /** What the completed event carries (notification's 已完成/评估合格 message, settlement's first look). */
    static Map<String, Object> completionDetails(Agreement a) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("agreementNumber", a.getAgreementNumber());
        details.put("institutionCode", a.getInstitutionCode());
        details.put("validFrom", a.getValidFrom().toString());
        details.put("validUntil", a.getValidUntil().toString());
        details.put("scope", String.join("、", a.getScope().stream().map(Scopes::label).toList()));
        return details;
    }

    public static DesignationForm form(Case c) {
        return org.jingban.designation.agreement.InstitutionKind.ofItem(c.getItemCode()).orElseThrow()
                == org.jingban.designation.agreement.InstitutionKind.MEDICAL_INSTITUTION
                ? ItemSubmissions.form(c, MedicalInstitutionForm.class) : ItemSubmissions.form(c, PharmacyForm.class);
    }

    // ------------------------------------------------------------------ shared

    private Mono<Application> withDossier(String caseNumber, Caller caller) {
        return visible(caseNumber, caller).flatMap(app -> app.dossier() == null
                ? Mono.error(Dossiers.refused(List.of(Reason.of("case.not-open", "本申请未受理（" + app.kase().getStatus().label()
                + "），不能办理"))))
                : Mono.just(app));
    }

    /** The caller as 审核人员 or 负责人 (the first they hold): 403 otherwise. */
    static CaseActor reviewer(Caller caller) {
        if (caller.has(Role.REVIEWER)) {
            return CaseActors.as(caller, ActorRole.REVIEWER);
        }
        return CaseActors.as(caller, ActorRole.DIRECTOR);
    }

    static List<Reason> atStage(Case c, String stage) {
        if (!CaseStatus.CLOCK_RUNNING.contains(c.getStatus())) {
            return List.of(Reason.of("case.wrong-status", "本申请当前状态为「" + c.getStatus().label() + "」，不能办理「" + stage + "」"));
        }
        if (!stage.equals(c.currentStageName())) {
            return List.of(Reason.of("case.not-current-stage", "本申请当前环节为「" + c.currentStageName() + "」，不能办理「"
                    + stage + "」"));
        }
        return List.of();
    }

    static Set<String> doneBy(Case c, CaseAction action) {
        Set<String> ids = new LinkedHashSet<>();
        for (HistoryEntry h : c.getHistory()) {
            if (h.action() == action) {
                ids.add(h.actorId());
            }
        }
        return ids;
    }
}
