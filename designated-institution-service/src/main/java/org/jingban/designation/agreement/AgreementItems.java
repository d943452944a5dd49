package org.jingban.designation.agreement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jingban.platform.calendar.UnknownScheduleYearException;
import org.jingban.platform.calendar.WorkingDayCalendar;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.security.Caller;
import org.jingban.platform.service.items.CaseReaction;
import org.jingban.platform.service.items.ItemApplication;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.web.problem.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The items after the agreement, each a case of the designated institution (applicant = its code) handled where its
 * agreement was signed: 信息变更 (武威 2 working days, 松潘 即时), 暂停（终止）(松潘 即时), 恢复 (松潘 10 working days), 开通异地
 * 就医直接结算 (松潘 22 working days). The effect on the agreement is applied at 办结 — in the request for an instant item,
 * from the case's {@code completed} event otherwise — once per case (the agreement remembers the case number).
 */
@Service
public class AgreementItems {

    public static final String CHANGE = "local:定点医药机构信息变更";
    public static final String SUSPENSION = "local:songpan:定点医药机构申请暂停（终止）协议管理";
    public static final String RESUMPTION = "local:songpan:定点医药机构申请恢复协议管理";
    public static final String OFFSITE = "local:songpan:定点医药机构开通异地就医直接结算业务";
    /** Stored with the case: which agreement it changes. */
    static final String CODE = "机构编码";
    /** 重大信息变更 自有关部门批准之日起30个工作日内 (Wuwei's stage limit; 国家医保局令第2号第四十条、第3号第三十七条). */
    public static final int MAJOR_CHANGE_WORKING_DAYS = 30;

    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final CaseService cases;
    private final Agreements agreements;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    public AgreementItems(Catalog catalog, ItemSubmissions submissions, CaseService cases, Agreements agreements,
                          WorkingDayCalendar calendar, Clock clock) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.cases = cases;
        this.agreements = agreements;
        this.calendar = calendar;
        this.clock = clock;
    }

    public Mono<Submitted> change(Agreement a, AgreementForms.InformationChange form, Caller caller) {
        ItemDefinition item = item(CHANGE, a);
        submissions.validate(form, item);
        List<Reason> reasons = new ArrayList<>();
        if (a.getStatus() == Agreement.Status.TERMINATED) {
            reasons.add(terminated(a));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changed", String.join("、", form.changed()));
        LocalDate approved = form.approved();
        if (form.major() && approved != null) {
            LocalDate due = due(approved);
            details.put("reportDue", due == null ? null : due.toString());
            details.put("lateReport", due != null && today().isAfter(due));
        }
        details.values().removeIf(java.util.Objects::isNull);
        return submit(a, item, form, caller, reasons, details);
    }

    public Mono<Submitted> suspension(Agreement a, AgreementForms.Suspension form, Caller caller) {
        ItemDefinition item = item(SUSPENSION, a);
        submissions.validate(form, item);
        List<Reason> reasons = new ArrayList<>();
        if (form.terminate() ? a.getStatus() == Agreement.Status.TERMINATED : a.getStatus() != Agreement.Status.ACTIVE) {
            reasons.add(Reason.at("类型", "wrong-status", "协议当前状态为「" + a.getStatus().label() + "」，不能" + form.type()));
        }
        return submit(a, item, form, caller, reasons, Map.of("type", form.type(), "reason", form.reason()));
    }

    public Mono<Submitted> resumption(Agreement a, AgreementForms.Resumption form, Caller caller) {
        ItemDefinition item = item(RESUMPTION, a);
        submissions.validate(form, item);
        List<Reason> reasons = new ArrayList<>();
        if (a.getStatus() != Agreement.Status.SUSPENDED) {
            reasons.add(Reason.at("机构编码", "not-suspended", "协议当前状态为「" + a.getStatus().label() + "」，暂停协议管理的机构方可申请恢复"));
        }
        return running(RESUMPTION, a).flatMap(r -> submit(a, item, form, caller, add(reasons, r), Map.of()));
    }

    public Mono<Submitted> offsite(Agreement a, AgreementForms.OffsiteSettlement form, Caller caller) {
        ItemDefinition item = item(OFFSITE, a);
        submissions.validate(form, item);
        List<Reason> reasons = new ArrayList<>();
        if (a.getStatus() != Agreement.Status.ACTIVE) {
            reasons.add(Reason.at("机构编码", "not-active", "协议当前状态为「" + a.getStatus().label() + "」，不能开通异地就医直接结算"));
        }
        List<String> already = form.kinds().stream().filter(a.getOffsiteSettlement()::contains).toList();
        if (!already.isEmpty()) {
            reasons.add(Reason.at("开通范围", "already-enabled", "已开通" + String.join("、", already) + "就医直接结算"));
        }
        return running(OFFSITE, a).flatMap(r -> submit(a, item, form, caller, add(reasons, r),
                Map.of("offsiteSettlement", String.join("、", form.kinds()))));
    }

    private Mono<Submitted> submit(Agreement a, ItemDefinition item, ItemForm form, Caller caller, List<Reason> reasons,
                                   Map<String, Object> details) {
        Party institution = Party.institution(a.getInstitutionCode(), a.getInstitution().name());
        return submissions.submit(ItemApplication.of(item, form, caller).applicant(institution).subject(institution)
                .failedChecks(reasons).formValue(CODE, a.getInstitutionCode()).details(details)
                .whenCompleted(c -> apply(c).map(AgreementView::of)));
    }

    /** The agreement change a completed case makes (once per case). */
    @CaseReaction(item = {CHANGE, SUSPENSION, RESUMPTION, OFFSITE}, on = CaseEvents.COMPLETED)
    public Mono<Agreement> apply(Case c) {
        String code = (String) c.getForm().get(CODE);
        String number = c.getCaseNumber();
        var at = clock.instant();
        return switch (c.getItemCode()) {
            case CHANGE -> {
                AgreementForms.InformationChange f = ItemSubmissions.form(c, AgreementForms.InformationChange.class);
                LocalDate due = f.major() && f.approved() != null ? due(f.approved()) : null;
                boolean late = due != null && c.getSubmittedOn().isAfter(due);
                yield agreements.change(code, a -> a.change(f.applyTo(a.getInstitution()), number,
                        String.join("、", f.changed()) + (late ? "（重大信息变更逾期报告）" : ""), at));
            }
            case SUSPENSION -> {
                AgreementForms.Suspension f = ItemSubmissions.form(c, AgreementForms.Suspension.class);
                yield f.terminate()
                        ? agreements.change(code, a -> a.terminate(f.terminateOn() == null ? today()
                        : AgreementForms.parse(f.terminateOn()), f.reason(), number, at))
                        : agreements.change(code, a -> a.suspend(AgreementForms.parse(f.from()),
                        AgreementForms.parse(f.until()), f.reason(), number, at));
            }
            case RESUMPTION -> agreements.change(code, a -> a.resume(number, at));
            case OFFSITE -> {
                AgreementForms.OffsiteSettlement f = ItemSubmissions.form(c, AgreementForms.OffsiteSettlement.class);
                yield agreements.change(code, a -> a.enableOffsiteSettlement(f.kinds(), number, at));
            }
            default -> Mono.empty();
        };
    }

    private ItemDefinition item(String code, Agreement a) {
        return catalog.find(code, a.getRegionCode()).orElseThrow(() -> ProblemException.unprocessable(
                "统筹地区" + a.getRegionCode() + "未开办「" + catalog.items().stream().filter(i -> i.code().equals(code))
                        .map(ItemDefinition::name).findFirst().orElse(code) + "」"));
    }

    private Mono<List<Reason>> running(String item, Agreement a) {
        return cases.hasRunning(item, a.getInstitutionCode()).map(r -> r
                ? List.of(Reason.at("机构编码", "application-running", "已有正在办理的同类申请，请勿重复申请")) : List.of());
    }

    private static List<Reason> add(List<Reason> a, List<Reason> b) {
        List<Reason> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Reason terminated(Agreement a) {
        return Reason.at("机构编码", "terminated", "协议已于" + a.getTerminatedOn() + "终止");
    }

    private LocalDate due(LocalDate approved) {
        try {
            return calendar.addWorkingDays(approved, MAJOR_CHANGE_WORKING_DAYS);
        } catch (UnknownScheduleYearException | IllegalArgumentException e) {
            return null;
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Case.ZONE));
    }
}
