package org.jingban.platform.cases.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jingban.platform.calendar.WorkingDayCalendar;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.CaseEvent;
import org.jingban.platform.cases.CaseProgress;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.DeadlineView;
import org.jingban.platform.cases.MaterialStatus;
import org.jingban.platform.cases.Outcome;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.StageInsertion;
import org.jingban.platform.cases.SubmitCase;
import org.jingban.platform.cases.persistence.CaseNumberGenerator;
import org.jingban.platform.cases.persistence.CaseRepository;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.messaging.OutboxEvent;
import org.jingban.platform.messaging.WriteConflicts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The case kernel as a service: load, call the aggregate, save — one single-document write that
 * carries the case's new state and its events (the outbox relay publishes them).
 *
 * <p>Refusals come back as {@link CaseRefusedException} (every reason, nothing stored), unknown
 * cases as {@link CaseNotFoundException}. A save that loses an optimistic-lock race is retried
 * on a fresh copy ({@link WriteConflicts}), re-checking the rules against what the other writer did. Authorization
 * (which token may act as which {@link CaseActor}) is the caller's job; the aggregate checks
 * roles, regions and separation of duties.
 */
public class CaseService {

    private static final Logger log = LoggerFactory.getLogger(CaseService.class);

    private final CaseRepository cases;
    private final CaseNumberGenerator numbers;
    private final Catalog catalog;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final CaseMetrics metrics;
    private final int dueSoonWorkingDays;

    public CaseService(CaseRepository cases, CaseNumberGenerator numbers, Catalog catalog, WorkingDayCalendar calendar,
                       Clock clock, CaseMetrics metrics, int dueSoonWorkingDays) {
        this.cases = cases;
        this.numbers = numbers;
        this.catalog = catalog;
        this.calendar = calendar;
        this.clock = clock;
        this.metrics = metrics;
        this.dueSoonWorkingDays = dueSoonWorkingDays;
    }

    /**
     * 申请. When the command lists failed automated checks, the case is stored already refused
     * acceptance (不予受理) with all of them. An instant item (即办件) whose checks passed completes in
     * the same write; a missing material counts as a failed check for it, since it cannot wait.
     */
    public Mono<Case> submit(SubmitCase command) {
        return Mono.defer(() -> {
            Instant at = clock.instant();
            LocalDate today = LocalDate.ofInstant(at, Case.ZONE);
            return Mono.fromCallable(() -> catalog.item(command.itemCode(), command.regionCode()))
                    .flatMap(item -> numbers.next(command.regionCode(), today).map(number -> {
                        Case c = Case.submit(UUID.randomUUID().toString(), number, item, command, at);
                        List<Reason> failed = new ArrayList<>(command.failedChecks());
                        if (c.isInstant()) {
                            failed.addAll(c.missingMaterials());
                        }
                        if (!failed.isEmpty()) {
                            c.reject(CaseActor.SYSTEM, failed, at).events();
                        } else if (c.isInstant()) {
                            c.completeInstantly(CaseActor.SYSTEM, command.details(), at).events();
                        }
                        return c;
                    }))
                    .flatMap(c -> {
                        // the outbox holds exactly the events of this request: submitted, maybe rejected or completed
                        List<String> types = c.getOutbox().stream().map(OutboxEvent::type).toList();
                        return cases.save(c).doOnNext(saved -> {
                            metrics.transitions(saved, types);
                            log.info("办件 {} submitted for item {} in {}: {}", saved.getCaseNumber(), saved.getItemCode(),
                                    saved.getRegionCode(), saved.getStatus());
                        });
                    });
        });
    }

    public Mono<Case> accept(String caseId, CaseActor actor) {
        return change(caseId, (c, at) -> c.accept(actor, at, calendar));
    }

    public Mono<Case> reject(String caseId, CaseActor actor, List<Reason> reasons) {
        return change(caseId, (c, at) -> c.reject(actor, reasons, at));
    }

    public Mono<Case> requestSupplement(String caseId, CaseActor actor, List<Reason> reasons) {
        return change(caseId, (c, at) -> c.requestSupplement(actor, reasons, at));
    }

    public Mono<Case> resumeAfterSupplement(String caseId, CaseActor actor, List<MaterialStatus> supplied,
                                            String remark) {
        return change(caseId, (c, at) -> c.resumeAfterSupplement(actor, supplied, remark, at, calendar));
    }

    public Mono<Case> advance(String caseId, CaseActor actor, String stage, String remark) {
        return change(caseId, (c, at) -> c.advance(actor, stage, remark, at, calendar));
    }

    /**
     * Completes {@code stage} as the system if it is still the case's current stage, else changes
     * nothing and returns the case as it is: the step a service's machine part takes after an event
     * (a redelivered event, or one racing a clerk, finds the stage done and does nothing).
     */
    public Mono<Case> advanceIfCurrent(String caseId, String stage, String remark) {
        return changeIf(caseId, c -> !c.getStatus().finished() && stage.equals(c.currentStageName()),
                (c, at) -> c.advance(CaseActor.SYSTEM, stage, remark, at, calendar));
    }

    public Mono<Case> insertStages(String caseId, CaseActor actor, StageInsertion insertion) {
        return change(caseId, (c, at) -> c.insertStages(actor, insertion, at));
    }

    public Mono<Case> complete(String caseId, CaseActor actor, Map<String, Object> details) {
        return change(caseId, (c, at) -> c.complete(actor, details, at));
    }

    public Mono<Case> refuse(String caseId, CaseActor actor, List<Reason> reasons) {
        return change(caseId, (c, at) -> c.refuse(actor, reasons, at));
    }

    public Mono<Case> withdraw(String caseId, CaseActor actor, String remark) {
        return change(caseId, (c, at) -> c.withdraw(actor, remark, at));
    }

    public Mono<Case> evaluate(String caseId, String applicantId, int score, String comment) {
        return change(caseId, (c, at) -> c.evaluate(applicantId, score, comment, at));
    }

    public Mono<Case> find(String caseId) {
        return cases.findById(caseId).switchIfEmpty(Mono.error(() -> new CaseNotFoundException(caseId)));
    }

    public Mono<Case> findByNumber(String caseNumber) {
        return cases.findByCaseNumber(caseNumber).switchIfEmpty(Mono.error(() -> new CaseNotFoundException(caseNumber)));
    }

    /** Whether a case of the item about this subject is still running (e.g. a second 一次性支取 during the first). */
    public Mono<Boolean> hasRunning(String itemCode, String subjectId) {
        return cases.existsRunning(itemCode, subjectId);
    }

    public Flux<Case> byApplicant(String applicantId) {
        return cases.findByApplicant(applicantId);
    }

    /** 办理进度查询 (the applicant's view: no staff identities). */
    public Mono<CaseProgress> progress(String caseId) {
        return find(caseId).map(c -> c.progress(today(), calendar, dueSoonWorkingDays));
    }

    /** The applicant's view of a case already loaded (e.g. after an authorization check). */
    public CaseProgress progressOf(Case c) {
        return c.progress(today(), calendar, dueSoonWorkingDays);
    }

    /** The promised deadline of a case today (null before 受理 or without a working-day limit). */
    public DeadlineView deadlineOf(Case c) {
        return c.deadline(today(), calendar, dueSoonWorkingDays);
    }

    /** The current stage's own deadline today (null if the stage has no limit). */
    public DeadlineView stageDeadlineOf(Case c) {
        return c.stageDeadline(today(), calendar, dueSoonWorkingDays);
    }

    public Mono<CaseProgress> progressByNumber(String caseNumber) {
        return findByNumber(caseNumber).map(c -> c.progress(today(), calendar, dueSoonWorkingDays));
    }

    /** A staff work queue (待办) over the regions they serve; see {@link CaseRepository#findWorkQueue}. */
    public Flux<Case> workQueue(Collection<String> regionCodes, CaseStatus status,
                                String itemCode, int page, int size) {
        return cases.findWorkQueue(regionCodes, status, itemCode, page, size);
    }

    /** Overdue cases of a region (null: all regions), oldest due first, for the ops view. */
    public Flux<Case> overdue(String regionCode) {
        return cases.findOverdue(regionCode, today());
    }

    /** Counts overdue cases by item into the {@code jingban.cases.overdue} gauge; returns the counts. */
    public Mono<Map<String, Long>> refreshOverdueGauge() {
        return cases.findOverdue(null, today()).collectList()
                // and by region (the ops dashboard's overdue cases per 医保区划; the default region shows from the
                // first count, at 0 while none is overdue)
                .doOnNext(overdue -> {
                    Map<String, Long> byRegion = new java.util.HashMap<>();
                    if (catalog.defaultRegion() != null) {
                        byRegion.put(catalog.defaultRegion(), 0L);
                    }
                    overdue.forEach(c -> byRegion.merge(c.getRegionCode() == null ? "unknown" : c.getRegionCode(), 1L, Long::sum));
                    metrics.overdueByRegion(byRegion);
                })
                .map(overdue -> overdue.stream().collect(Collectors.groupingBy(Case::getItemCode, Collectors.counting())))
                .doOnNext(metrics::overdue);
    }

    public int dueSoonWorkingDays() {
        return dueSoonWorkingDays;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Case.ZONE);
    }

    @FunctionalInterface
    private interface Command {
        Outcome apply(Case c, Instant at);
    }

    private Mono<Case> change(String caseId, Command command) {
        return changeIf(caseId, c -> true, command);
    }

    /** Load → (if {@code applies}) apply → save, retried from a fresh load when another writer won the race. */
    private Mono<Case> changeIf(String caseId, Predicate<Case> applies, Command command) {
        return Mono.defer(() -> find(caseId).flatMap(c -> {
                    if (!applies.test(c)) {
                        return Mono.just(c);
                    }
                    Outcome outcome = command.apply(c, clock.instant());
                    if (outcome instanceof Outcome.Refused refused) {
                        return Mono.error(new CaseRefusedException(c.getCaseNumber(), refused.refusal()));
                    }
                    return cases.save(c).doOnNext(saved -> {
                        metrics.transitions(saved, outcome.events().stream().map(CaseEvent::type).toList());
                        outcome.events().forEach(e -> log.info("办件 {}: {} ({})", saved.getCaseNumber(), e.type(),
                                saved.getStatus()));
                    });
                }))
                .retryWhen(WriteConflicts.retryOptimisticLock());
    }
}
