package org.jingban.platform.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jingban.platform.calendar.WorkingDayCalendar;
import org.jingban.platform.catalog.CaseKind;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.RiskLevel;
import org.jingban.platform.catalog.StageLimit;
import org.jingban.platform.catalog.TimeLimit;
import org.jingban.platform.messaging.AggregateDocument;
import org.jingban.platform.messaging.OutboxEvent;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A case (办件): one application for one catalog item, from 申请 to 办结.
 *
 * <p>Every rule lives in this class's command methods. Each either changes the case, places the
 * resulting {@link CaseEvent}s in the embedded outbox (so they are saved with the case in one
 * document write) and returns {@link Outcome.Done}, or changes nothing and returns
 * {@link Outcome.Refused} listing <em>every</em> reason at once (一次性告知).
 *
 * <p>The step chain, limit and risk level are copied from the catalog item at submission: a case
 * keeps the rules it was applied for under, even if the catalog changes later.
 *
 * <p>The promised-time clock starts on the day of acceptance (受理), not of application: the Gansu
 * checklist counts its stage limits "受理后…个工作日内", and an application not yet accepted has
 * not been promised anything. It pauses while waiting for the applicant (补正).
 */
@Document(collection = "cases")
public class Case extends AggregateDocument {

    /** Dates of a case (申请日期, 受理日期, 办结期限) are dates in China. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The chain used when the catalog gives none (e.g. "按照经办规程执行"). */
    static final List<String> DEFAULT_STEPS = List.of("申请", "受理", "审核", "办结");

    private static final Set<ActorRole> STAFF_AND_SYSTEM =
            EnumSet.of(ActorRole.CLERK, ActorRole.REVIEWER, ActorRole.FINANCE, ActorRole.DIRECTOR, ActorRole.SYSTEM);
    private static final int MAX_COMMENT_LENGTH = 500;

    private String caseNumber;
    private String itemCode;
    private String itemName;
    private String regionCode;
    private Channel channel;
    private Party applicant;
    private Party subject;
    private String applicantGroup;
    private RiskLevel riskLevel;
    /** 承诺时限 in working days for this applicant's group; null when the item has none */
    private Integer limitWorkingDays;
    /** 即办件: may complete within the request */
    private boolean instant;
    private Map<String, Object> form;
    private List<MaterialStatus> materials;
    private List<Stage> stages;
    private int current;
    private CaseStatus status;
    /** the status to return to when the applicant has supplied what was asked */
    private CaseStatus statusBeforeSupplement;
    private LocalDate submittedOn;
    private Instant submittedAt;
    private LocalDate acceptedOn;
    private ClockRecord clock;
    /** stored for the overdue query; valid while the clock runs */
    private LocalDate dueDate;
    private LocalDate finishedOn;
    /** the reasons of the latest notice (不予受理, 补正, 未通过) */
    private List<Reason> reasons;
    private Map<String, Object> details;
    private List<HistoryEntry> history;
    private Evaluation evaluation;

    /** For the object mapping only. */
    protected Case() {
    }

    // ------------------------------------------------------------------ 申请

    /**
     * A new application. The caller has chosen the id and the case number (see the persistence
     * package); the case starts with {@code 申请} done and {@code 受理} current, and a
     * {@code submitted} event in its outbox.
     */
    public static Case submit(String id, String caseNumber, ItemDefinition item, SubmitCase command, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseNumber, "caseNumber");
        if (!item.code().equals(command.itemCode())) {
            throw new IllegalArgumentException("item " + item.code() + " does not match command " + command.itemCode());
        }
        Case c = new Case();
        c.id = id;
        c.caseNumber = caseNumber;
        c.itemCode = item.code();
        c.itemName = item.name();
        c.regionCode = command.regionCode();
        c.channel = command.channel();
        c.applicant = command.applicant();
        c.subject = command.subject();
        c.applicantGroup = command.applicantGroup();
        c.riskLevel = item.riskLevel();
        TimeLimit limit = item.timeLimit();
        c.limitWorkingDays = limitFor(limit, command.applicantGroup());
        c.instant = instantFor(item, command.applicantGroup());
        c.form = new LinkedHashMap<>(command.form());
        c.materials = new ArrayList<>(command.materials());
        c.stages = chain(item, command.extraStages());
        c.history = new ArrayList<>();
        c.reasons = List.of();
        c.details = Map.of();
        c.submittedAt = at;
        c.submittedOn = LocalDate.ofInstant(at, ZONE);
        c.stages.set(0, c.stages.get(0).start(c.submittedOn).done(command.submittedBy(), at, c.submittedOn));
        c.moveTo(1, c.submittedOn);
        c.record(c.stages.get(0).name(), CaseAction.SUBMIT, command.submittedBy(), at, null);
        c.emit(CaseEvents.SUBMITTED, c.stages.get(0).name(), c.currentStageName(), null, null, null, null);
        return c;
    }

    /** The group's limit, else the item's; null when the catalog counts no working days (e.g. months). */
    /**
     * Whether the item is 即办件 for the applicant's group: kind INSTANT, or a limit of 0 (即时办结) for the group. Such a
     * case completes in the request when nothing is wrong, and a missing material refuses acceptance.
     */
    public static boolean instantFor(ItemDefinition item, String applicantGroup) {
        TimeLimit limit = item.timeLimit();
        return item.kind() == CaseKind.INSTANT
                || (limit != null && limit.instantFor(applicantGroup))
                || Integer.valueOf(0).equals(limitFor(limit, applicantGroup));
    }

    private static Integer limitFor(TimeLimit limit, String group) {
        if (limit == null) {
            return null;
        }
        return group != null && limit.byGroup().containsKey(group) ? limit.byGroup().get(group) : limit.workingDays();
    }

    private static List<Stage> chain(ItemDefinition item, List<StageInsertion> insertions) {
        List<String> names = new ArrayList<>(item.steps() == null || item.steps().isEmpty() ? DEFAULT_STEPS : item.steps());
        // the kernel needs an application, an acceptance and a completion; add what a thin chain lacks
        if (names.isEmpty() || StageKind.of(names.get(0)) != StageKind.APPLICATION) {
            names.add(0, "申请");
        }
        if (names.size() < 2 || StageKind.of(names.get(1)) != StageKind.ACCEPTANCE) {
            names.add(1, "受理");
        }
        if (StageKind.of(names.get(names.size() - 1)) != StageKind.COMPLETION) {
            names.add("办结");
        }
        List<Stage> chain = new ArrayList<>();
        for (String name : names) {
            chain.add(Stage.pending(new StageSpec(name, null, stageLimit(item, name)), false));
        }
        for (StageInsertion insertion : insertions) {
            int at = indexOf(chain, insertion.before(), 2);
            if (at < 0) {
                throw new IllegalArgumentException("no stage '" + insertion.before() + "' after 受理 in " + names);
            }
            chain.addAll(at, insertion.stages().stream().map(s -> Stage.pending(s, true)).toList());
        }
        return chain;
    }

    private static Integer stageLimit(ItemDefinition item, String stage) {
        if (item.stageLimits() == null) {
            return null;
        }
        return item.stageLimits().stream()
                .filter(l -> stage.equals(l.stage()))
                .map(StageLimit::workingDays)
                .filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    private static int indexOf(List<Stage> chain, String name, int from) {
        for (int i = from; i < chain.size(); i++) {
            if (chain.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ 受理 / 不予受理

    /** 受理: the clerk found the application complete; the promised-time clock starts today. */
    public Outcome accept(CaseActor actor, Instant at, WorkingDayCalendar calendar) {
        List<Reason> found = new ArrayList<>();
        if (status != CaseStatus.SUBMITTED) {
            found.add(wrongStatus("受理"));
        }
        found.addAll(actorReasons(actor, StageKind.ACCEPTANCE.roles(), "受理"));
        if (!found.isEmpty()) {
            return refused(found);
        }
        LocalDate today = LocalDate.ofInstant(at, ZONE);
        String stage = currentStageName();
        acceptedOn = today;
        if (limitWorkingDays != null) {
            clock = ClockRecord.start(today, limitWorkingDays);
            dueDate = clock.dueDate(calendar);
        }
        stages.set(current, stages.get(current).done(actor, at, today));
        moveTo(current + 1, today);
        record(stage, CaseAction.ACCEPT, actor, at, null);
        return done(emit(CaseEvents.ACCEPTED, stage, currentStageName(), null, null, null, null));
    }

    /** 不予受理, with every reason (一次性告知). Possible until the case is accepted. */
    public Outcome reject(CaseActor actor, List<Reason> because, Instant at) {
        List<Reason> found = new ArrayList<>();
        boolean beforeAcceptance = status == CaseStatus.SUBMITTED
                || (status == CaseStatus.WAITING_FOR_APPLICANT && acceptedOn == null);
        if (!beforeAcceptance) {
            found.add(wrongStatus("不予受理"));
        }
        found.addAll(actorReasons(actor, StageKind.ACCEPTANCE.roles(), "不予受理"));
        found.addAll(reasonsGiven(because, "不予受理"));
        if (!found.isEmpty()) {
            return refused(found);
        }
        LocalDate today = LocalDate.ofInstant(at, ZONE);
        String stage = currentStageName();
        finish(CaseStatus.REJECTED, today);
        reasons = List.copyOf(because);
        record(stage, CaseAction.REJECT, actor, at, joined(because));
        return done(emit(CaseEvents.REJECTED, stage, null, reasons, null, null, null));
    }

    // ------------------------------------------------------------------ 补正

    /**
     * 一次性告知补正: asks the applicant for everything missing at once; the clocks (the case's and
     * the current stage's) stop until {@link #resumeAfterSupplement}.
     */
    public Outcome requestSupplement(CaseActor actor, List<Reason> because, Instant at) {
        List<Reason> found = new ArrayList<>();
        if (status.finished() || status == CaseStatus.WAITING_FOR_APPLICANT) {
            found.add(wrongStatus("要求补正"));
        }
        found.addAll(actorReasons(actor, STAFF_AND_SYSTEM, "要求补正"));
        found.addAll(reasonsGiven(because, "要求补正"));
        if (!found.isEmpty()) {
            return refused(found);
        }
        LocalDate today = LocalDate.ofInstant(at, ZONE);
        statusBeforeSupplement = status;
        status = CaseStatus.WAITING_FOR_APPLICANT;
        if (clock != null) {
            clock = clock.pause(today);
        }
        Stage stage = stages.get(current);
        if (stage.clock() != null) {
            stages.set(current, stage.withClock(stage.clock().pause(today)));
        }
        reasons = List.copyOf(because);
        record(stage.name(), CaseAction.REQUEST_SUPPLEMENT, actor, at, joined(because));
        return done(emit(CaseEvents.SUPPLEMENT_REQUESTED, stage.name(), stage.name(), reasons, null, null, null));
    }

    /**
     * The applicant supplied what was asked (补正材料), themself or at a window: the given
     * materials replace those of the same name, the clocks run again and the due date moves by the
     * paused working days.
     */
    public Outcome resumeAfterSupplement(CaseActor actor, List<MaterialStatus> supplied, String remark, Instant at,
                                         WorkingDayCalendar calendar) {
        List<Reason> found = new ArrayList<>();
        if (status != CaseStatus.WAITING_FOR_APPLICANT) {
            found.add(wrongStatus("补正"));
        }
        found.addAll(applicantOrStaffReasons(actor, "补正"));
        if (!found.isEmpty()) {
            return refused(found);
        }
        LocalDate today = LocalDate.ofInstant(at, ZONE);
        if (supplied != null) {
            for (MaterialStatus material : supplied) {
                materials.removeIf(m -> m.name().equals(material.name()));
                materials.add(material);
            }
        }
        status = statusBeforeSupplement;
        statusBeforeSupplement = null;
        if (clock != null) {
            clock = clock.resume(today);
            dueDate = clock.dueDate(calendar);
        }
        Stage stage = stages.get(current);
        if (stage.clock() != null) {
            stages.set(current, stage.withClock(stage.clock().resume(today)));
        }
        reasons = List.of();
        record(stage.name(), CaseAction.SUPPLEMENT, actor, at, remark);
        return done(emit(CaseEvents.SUPPLEMENTED, stage.name(), stage.name(), null, null, null, null));
    }

    // ------------------------------------------------------------------ 审核, 拨付 and item stages

    /**
     * Completes the current stage and moves to the next one. The caller names the stage it means
     * to complete, so that a stale screen cannot complete a different one.
     */
    public Outcome advance(CaseActor actor, String stage, String remark, Instant at, WorkingDayCalendar calendar) {
        List<Reason> found = new ArrayList<>();
        Stage now = stages.get(current);
        if (!CaseStatus.CLOCK_RUNNING.contains(status)) {
            found.add(wrongStatus("办理「" + stage + "」"));
        } else if (!now.name().equals(stage)) {
            found.add(Reason.of("case.not-current-stage",
                    "本件当前环节为「%s」，不能办理「%s」".formatted(now.name(), stage)));
        } else if (now.kind() == StageKind.COMPLETION) {
            found.add(Reason.of("case.use-complete", "「%s」环节须以办结操作完成".formatted(now.name())));
        }
        found.addAll(actorReasons(actor, now.kind().roles(), "「" + now.name() + "」"));
        found.addAll(separationOfDuties(actor, now));
        if (!found.isEmpty()) {
            return refused(found);
        }
        LocalDate today = LocalDate.ofInstant(at, ZONE);
        stages.set(current, now.done(actor, at, today));
        moveTo(current + 1, today);
        record(now.name(), CaseAction.COMPLETE_STAGE, actor, at, remark);
        return done(emit(CaseEvents.STAGE_COMPLETED, now.name(), currentStageName(), null, null, null, null));
    }

    /** Adds item-specific stages before a stage not yet reached (e.g. 评估 before 审核). */
    public Outcome insertStages(CaseActor actor, StageInsertion insertion, Instant at) {
        List<Reason> found = new ArrayList<>();
        if (status.finished()) {
            found.add(wrongStatus("增加环节"));
        }
        int index = indexOf(stages, insertion.before(), current + 1);
        if (index < 0) {
            found.add(Reason.of("case.no-such-stage", "本件没有尚未办理的「%s」环节".formatted(insertion.before())));
        }
        found.addAll(actorReasons(actor, STAFF_AND_SYSTEM, "增加环节"));
        if (!found.isEmpty()) {
            return refused(found);
        }
        stages.addAll(index, insertion.stages().stream().map(s -> Stage.pending(s, true)).toList());
        record(currentStageName(), CaseAction.INSERT_STAGES, actor, at,
                String.join("、", insertion.stages().stream().map(StageSpec::name).toList()));
        return done(List.of());
    }

    // ------------------------------------------------------------------ 办结 / 未通过 / 撤回

    /**
     * 办结: the last stage. {@code details} (amount, validity, certificate number …) travel in the
     * {@code completed} event for the "已完成" message.
     */
    public Outcome complete(CaseActor actor, Map<String, Object> resultDetails, Instant at) {
        List<Reason> found = new ArrayList<>();
        Stage now = stages.get(current);
        if (!CaseStatus.CLOCK_RUNNING.contains(status)) {
            found.add(wrongStatus("办结"));
        } else if (now.kind() != StageKind.COMPLETION) {
            found.add(Reason.of("case.stages-pending", "本件尚有未办理的环节：「%s」".formatted(
                    String.join("」「", stages.subList(current, stages.size() - 1).stream().map(Stage::name).toList()))));
        }
        found.addAll(actorReasons(actor, StageKind.COMPLETION.roles(), "办结"));
        if (!found.isEmpty()) {
            return refused(found);
        }
        LocalDate today = LocalDate.ofInstant(at, ZONE);
        stages.set(current, now.done(actor, at, today));
        details = resultDetails == null ? Map.of() : new LinkedHashMap<>(resultDetails);
        finish(CaseStatus.COMPLETED, today);
        reasons = List.of();
        record(now.name(), CaseAction.COMPLETE, actor, at, null);
        return done(emit(CaseEvents.COMPLETED, now.name(), null, null, details, null, null));
    }

    /**
     * 即时办结: an instant item (即办件) whose automated checks passed completes within the request,
     * every stage done at once. Refused when a material is missing: an instant item cannot wait.
     */
    public Outcome completeInstantly(CaseActor actor, Map<String, Object> resultDetails, Instant at) {
        List<Reason> found = new ArrayList<>();
        if (!instant) {
            found.add(Reason.of("case.not-instant", "「%s」不是即办件，不能即时办结".formatted(itemName)));
        }
        if (status != CaseStatus.SUBMITTED) {
            found.add(wrongStatus("即时办结"));
        }
        found.addAll(actorReasons(actor, StageKind.ACCEPTANCE.roles(), "即时办结"));
        found.addAll(missingMaterials());
        if (!found.isEmpty()) {
            return refused(found);
        }
        LocalDate today = LocalDate.ofInstant(at, ZONE);
        acceptedOn = today;
        for (int i = current; i < stages.size(); i++) {
            stages.set(i, stages.get(i).start(today).done(actor, at, today));
        }
        current = stages.size() - 1;
        if (limitWorkingDays != null) {
            clock = ClockRecord.start(today, limitWorkingDays).complete(today);
            dueDate = today;
        }
        details = resultDetails == null ? Map.of() : new LinkedHashMap<>(resultDetails);
        status = CaseStatus.COMPLETED;
        finishedOn = today;
        record(stages.get(current).name(), CaseAction.COMPLETE_INSTANTLY, actor, at, null);
        return done(emit(CaseEvents.COMPLETED, stages.get(current).name(), null, null, details, null, null));
    }

    /** 未通过 / 未完成 after acceptance, with every reason, for the "未完成" message. */
    public Outcome refuse(CaseActor actor, List<Reason> because, Instant at) {
        List<Reason> found = new ArrayList<>();
        if (status.finished() || acceptedOn == null) {
            found.add(acceptedOn == null && !status.finished()
                    ? Reason.of("case.not-accepted", "本件尚未受理，请以不予受理告知申请人")
                    : wrongStatus("作出未通过决定"));
        }
        found.addAll(actorReasons(actor, STAFF_AND_SYSTEM, "作出未通过决定"));
        found.addAll(reasonsGiven(because, "作出未通过决定"));
        if (!found.isEmpty()) {
            return refused(found);
        }
        LocalDate today = LocalDate.ofInstant(at, ZONE);
        String stage = currentStageName();
        finish(CaseStatus.REFUSED, today);
        reasons = List.copyOf(because);
        record(stage, CaseAction.REFUSE, actor, at, joined(because));
        return done(emit(CaseEvents.REFUSED, stage, null, reasons, null, null, null));
    }

    /** The applicant withdraws (撤回) before the case is finished, themself or through a window clerk. */
    public Outcome withdraw(CaseActor actor, String remark, Instant at) {
        List<Reason> found = new ArrayList<>();
        if (status.finished()) {
            found.add(wrongStatus("撤回"));
        }
        found.addAll(applicantOrStaffReasons(actor, "撤回"));
        if (!found.isEmpty()) {
            return refused(found);
        }
        LocalDate today = LocalDate.ofInstant(at, ZONE);
        String stage = currentStageName();
        finish(CaseStatus.WITHDRAWN, today);
        record(stage, CaseAction.WITHDRAW, actor, at, remark);
        return done(emit(CaseEvents.WITHDRAWN, stage, null, null, null, null, null));
    }

    // ------------------------------------------------------------------ 好差评

    /** 服务评价: once, by the applicant, after 办结. */
    public Outcome evaluate(String applicantId, int score, String comment, Instant at) {
        List<Reason> found = new ArrayList<>();
        if (!applicant.id().equals(applicantId)) {
            found.add(Reason.of("case.not-applicant", "只有申请人本人可以评价本件"));
        }
        if (status != CaseStatus.COMPLETED) {
            found.add(Reason.of("case.not-completed", "本件办结后才能评价（当前状态：%s）".formatted(status.label())));
        }
        if (evaluation != null) {
            found.add(Reason.of("case.already-evaluated", "本件已评价，不能重复评价"));
        }
        if (score < 1 || score > 5) {
            found.add(Reason.of("evaluation.score", "评分须为 1 至 5 分"));
        }
        if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
            found.add(Reason.of("evaluation.comment", "评价内容不能超过 %d 字".formatted(MAX_COMMENT_LENGTH)));
        }
        if (!found.isEmpty()) {
            return refused(found);
        }
        evaluation = new Evaluation(score, comment, at);
        String stage = stages.get(current).name();
        history.add(new HistoryEntry(stage, CaseAction.EVALUATE, applicantId, ActorRole.APPLICANT, at, null));
        return done(emit(CaseEvents.EVALUATED, stage, null, null, null, score, comment));
    }

    // ------------------------------------------------------------------ views

    /** Materials marked missing, one reason each, for a one-time notice. */
    public List<Reason> missingMaterials() {
        return Materials.missing(materials);
    }

    /** The case's promised-time clock on {@code today}; null before acceptance or without a limit. */
    public DeadlineView deadline(LocalDate today, WorkingDayCalendar calendar, int dueSoonWorkingDays) {
        return clock == null ? null : clock.view(today, calendar, dueSoonWorkingDays);
    }

    /** The current stage's own clock (环节时限), if it has one. */
    public DeadlineView stageDeadline(LocalDate today, WorkingDayCalendar calendar, int dueSoonWorkingDays) {
        ClockRecord stageClock = stages.get(current).clock();
        return stageClock == null ? null : stageClock.view(today, calendar, dueSoonWorkingDays);
    }

    /** 办理进度查询, as the applicant may see it. */
    public CaseProgress progress(LocalDate today, WorkingDayCalendar calendar, int dueSoonWorkingDays) {
        DeadlineView deadline = deadline(today, calendar, dueSoonWorkingDays);
        DeadlineView stage = status.finished() ? null : stageDeadline(today, calendar, dueSoonWorkingDays);
        List<CaseProgress.Step> steps = history.stream()
                .map(h -> new CaseProgress.Step(h.stage(), h.action().label(), h.actorRole().label(), h.time(), h.remark()))
                .toList();
        return new CaseProgress(caseNumber, itemCode, itemName, status, status.label(),
                stages.stream().filter(Stage::done).map(Stage::name).toList(),
                status.finished() ? null : currentStageName(), status.finished() ? null : nextStageName(),
                submittedOn, deadline == null ? null : deadline.dueDate(), deadline == null ? null : deadline.status(),
                deadline == null ? null : deadline.remainingWorkingDays(), steps, reasons, evaluation,
                stage == null ? null : stage.dueDate(), stage == null ? null : stage.status());
    }

    public String currentStageName() {
        return stages.get(current).name();
    }

    public String nextStageName() {
        return current + 1 < stages.size() ? stages.get(current + 1).name() : null;
    }

    // ------------------------------------------------------------------ rules shared by the commands

    private List<Reason> actorReasons(CaseActor actor, Collection<ActorRole> allowed, String what) {
        List<Reason> found = new ArrayList<>();
        if (!allowed.contains(actor.role())) {
            found.add(Reason.of("case.role-not-allowed", "%s不能办理%s".formatted(actor.role().label(), what)));
        }
        if (actor.role() != ActorRole.APPLICANT && !actor.serves(regionCode)) {
            found.add(Reason.of("case.region-not-served", "您不负责医保区划 %s 的办件".formatted(regionCode)));
        }
        return found;
    }

    private List<Reason> applicantOrStaffReasons(CaseActor actor, String what) {
        if (actor.role() == ActorRole.APPLICANT) {
            return applicant.id().equals(actor.id()) ? List.of()
                    : List.of(Reason.of("case.not-applicant", "只有申请人本人可以" + what));
        }
        return actorReasons(actor, EnumSet.of(ActorRole.CLERK, ActorRole.SYSTEM), what);
    }

    /**
     * 岗位分离 for 较高风险 / 高风险 items: one person holds at most one of 受理, 审核·审批 and 财务复核
     * on a case, checked by person id (one person may hold several roles in the office).
     */
    private List<Reason> separationOfDuties(CaseActor actor, Stage stage) {
        if (riskLevel == null || !riskLevel.requiresSeparationOfDuties()
                || !StageKind.SEPARATED_DUTIES.contains(stage.kind())) {
            return List.of();
        }
        if (actor.role() == ActorRole.SYSTEM) {
            // online acceptance, and a payment run after the people's decisions, are no person's duty
            return stage.kind() == StageKind.ACCEPTANCE || stage.kind() == StageKind.PAYMENT ? List.of()
                    : List.of(Reason.of("case.separation-of-duties",
                    "本事项为%s事项，「%s」须由工作人员办理".formatted(riskLevel.label(), stage.name())));
        }
        List<Reason> found = new ArrayList<>();
        for (Stage earlier : stages) {
            if (earlier.done() && StageKind.SEPARATED_DUTIES.contains(earlier.kind())
                    && earlier.kind() != stage.kind() && actor.id().equals(earlier.actorId())) {
                found.add(Reason.of("case.separation-of-duties", "本事项为%s事项，须岗位分离：您已办理本件的「%s」环节，不能再办理「%s」环节"
                        .formatted(riskLevel.label(), earlier.name(), stage.name())));
            }
        }
        return found;
    }

    private static List<Reason> reasonsGiven(List<Reason> because, String what) {
        return because == null || because.isEmpty()
                ? List.of(Reason.of("case.reasons-required", what + "须一次性告知全部原因"))
                : List.of();
    }

    private Reason wrongStatus(String what) {
        return Reason.of("case.wrong-status", "本件当前状态为「%s」，不能%s".formatted(status.label(), what));
    }

    private void moveTo(int index, LocalDate today) {
        current = index;
        Stage stage = stages.get(index).start(today);
        stages.set(index, stage);
        boolean reviewed = stages.stream().anyMatch(s -> s.done()
                && (s.kind() == StageKind.REVIEW || s.kind() == StageKind.FINANCE_REVIEW || s.kind() == StageKind.APPROVAL));
        status = switch (stage.kind()) {
            case APPLICATION, ACCEPTANCE -> CaseStatus.SUBMITTED;
            case REVIEW, FINANCE_REVIEW, APPROVAL -> CaseStatus.UNDER_REVIEW;
            case PAYMENT -> CaseStatus.PAYING;
            case COMPLETION, OTHER -> reviewed ? CaseStatus.APPROVED : CaseStatus.ACCEPTED;
        };
    }

    private void finish(CaseStatus end, LocalDate today) {
        for (int i = current; i < stages.size(); i++) {
            if (!stages.get(i).done()) {
                stages.set(i, stages.get(i).stopped(today));
            }
        }
        if (clock != null) {
            clock = clock.resume(today).complete(today);
        }
        status = end;
        statusBeforeSupplement = null;
        finishedOn = today;
    }

    private void record(String stage, CaseAction action, CaseActor actor, Instant at, String remark) {
        history.add(new HistoryEntry(stage, action, actor.id(), actor.role(), at, remark));
    }

    private CaseEvent emit(String type, String stage, String nextStage, List<Reason> because,
                           Map<String, Object> resultDetails, Integer score, String comment) {
        CaseEventData data = new CaseEventData(getId(), caseNumber, itemCode, itemName, regionCode, applicant, subject,
                channel, submittedOn, status, stage, nextStage, dueDate, because,
                resultDetails == null ? null : Map.copyOf(resultDetails), score, comment);
        enqueue(OutboxEvent.of(type, getId(), regionCode, data));
        return new CaseEvent(type, data);
    }

    private static String joined(List<Reason> because) {
        return String.join("；", because.stream().map(Reason::message).toList());
    }

    private static Outcome done(CaseEvent event) {
        return new Outcome.Done(List.of(event));
    }

    private static Outcome done(List<CaseEvent> events) {
        return new Outcome.Done(events);
    }

    private static Outcome refused(List<Reason> found) {
        return new Outcome.Refused(new Refusal(found));
    }

    // ------------------------------------------------------------------ state, read-only

    public String getCaseNumber() { return caseNumber; }
    public String getItemCode() { return itemCode; }
    public String getItemName() { return itemName; }
    public String getRegionCode() { return regionCode; }
    public Channel getChannel() { return channel; }
    public Party getApplicant() { return applicant; }
    public Party getSubject() { return subject; }
    public String getApplicantGroup() { return applicantGroup; }
    public RiskLevel getRiskLevel() { return riskLevel; }
    public Integer getLimitWorkingDays() { return limitWorkingDays; }
    public boolean isInstant() { return instant; }
    public Map<String, Object> getForm() { return Map.copyOf(form); }
    public List<MaterialStatus> getMaterials() { return List.copyOf(materials); }
    public List<Stage> getStages() { return List.copyOf(stages); }
    public Stage getCurrentStage() { return stages.get(current); }
    public CaseStatus getStatus() { return status; }
    public LocalDate getSubmittedOn() { return submittedOn; }
    public Instant getSubmittedAt() { return submittedAt; }
    public LocalDate getAcceptedOn() { return acceptedOn; }
    public ClockRecord getClock() { return clock; }
    public LocalDate getDueDate() { return dueDate; }
    public LocalDate getFinishedOn() { return finishedOn; }
    public List<Reason> getReasons() { return reasons; }
    public Map<String, Object> getDetails() { return details; }
    public List<HistoryEntry> getHistory() { return List.copyOf(history); }
    public Evaluation getEvaluation() { return evaluation; }

    @Override
    public String toString() {
        return "Case[" + caseNumber + " " + itemCode + " " + status + " at " + currentStageName() + "]";
    }
}
