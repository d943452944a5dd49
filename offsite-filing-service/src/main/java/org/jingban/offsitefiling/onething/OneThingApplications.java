package org.jingban.offsitefiling.onething;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jingban.enrollment.api.coverage.EnrollmentReadModel;
import org.jingban.enrollment.api.coverage.InsuredPerson;
import org.jingban.offsitefiling.api.OneThingEvents;
import org.jingban.offsitefiling.filing.FilingApplications;
import org.jingban.offsitefiling.filing.FilingKind;
import org.jingban.platform.calendar.WorkingDayCalendar;
import org.jingban.platform.catalog.BundleDefinition;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.application.CaseRefusedException;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.messaging.InboxApplier;
import org.jingban.platform.messaging.ReceivedEvent;
import org.jingban.platform.messaging.WriteConflicts;
import org.jingban.platform.security.Caller;
import org.jingban.platform.service.items.CaseReaction;
import org.jingban.platform.service.items.ItemApplication;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.jingban.platform.web.problem.Violations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import org.jingban.enrollment.api.FamilySharingEvents;

/**
 * 就医费用报销“一件事” (seed 004), the saga's owner: one form → the bundle's own case (承诺件, its own clock of 2 working
 * days promised, 3 statutory, accepted by the system at once: 全程网办) → the 备案 as its own case in this service
 * ({@link FilingApplications}, in the request) and 家庭共济 asked of enrollment-service by event; each part's result is
 * kept on the {@link OneThing}; when every part has its result the bundle's case is completed (some part done, the
 * refused ones named in its one notice) or refused (未通过, every part's reasons). Which parts, their conditions and the
 * limits come from the catalog's bundle ({@link Catalog#bundle}).
 */
@Service
public class OneThingApplications {

    /** The catalog key of 甘肃省就医费用报销“一件事” (tools/catalog/generate.py: onething:&lt;事项名称&gt;). */
    public static final String CODE = "onething:就医费用报销一件事";
    static final String REGION = "参保地";
    private static final Logger log = LoggerFactory.getLogger(OneThingApplications.class);

    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final CaseService cases;
    private final EnrollmentReadModel enrollment;
    private final FilingApplications filings;
    private final ReactiveMongoTemplate mongo;
    private final InboxApplier inbox;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    public OneThingApplications(Catalog catalog, ItemSubmissions submissions, CaseService cases,
                                EnrollmentReadModel enrollment, FilingApplications filings, ReactiveMongoTemplate mongo,
                                InboxApplier inbox, WorkingDayCalendar calendar, Clock clock) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.cases = cases;
        this.enrollment = enrollment;
        this.filings = filings;
        this.mongo = mongo;
        this.inbox = inbox;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The bundle as the catalog first defines it (for the form's checks, before the 参保地 is known). */
    BundleDefinition reference() {
        return catalog.bundle(CODE, catalog.defaultRegion()).orElseThrow(() ->
                ProblemException.unprocessable("事项清单中没有「就医费用报销一件事」"));
    }

    public Mono<Submitted> apply(OneThingForm form, Caller caller) {
        BundleDefinition reference = reference();
        validate(form, reference);
        FilingKind kind = form.kind().orElseThrow();
        String idNumber = form.idNumber();
        return enrollment.byIdNumber(idNumber)
                .flatMap(p -> Mono.justOrEmpty(p.coverage(form.filingForm().insuranceTypeName())))
                .switchIfEmpty(Mono.error(() -> ProblemException.unprocessable("未查询到该人员的" + form.insuranceType()
                        + "参保信息，参保人员方可申请「" + reference.name() + "」", List.of(new Violation("证件类型及号码",
                        "not-insured", "未查询到该人员的" + form.insuranceType() + "参保信息")))))
                .flatMap(coverage -> {
                    InsuredPerson.Coverage insured = coverage;   // typed here: javac does not infer it through the chain below
                    String region = coverage.regionCode();
                    BundleDefinition bundle = catalog.bundle(CODE, region).orElseThrow(() -> ProblemException.unprocessable(
                            "参保地" + region + "未开办「" + reference.name() + "」", List.of(new Violation(REGION,
                                    "not-offered", "参保地未开办「" + reference.name() + "」"))));
                    ItemDefinition item = bundle.item();
                    return submissions.submitCase(ItemApplication.of(item, form, caller)
                                    .applicant(Party.person(idNumber, form.name()))
                                    .formValue(REGION, region))
                            // 全程网办: the parts' own checks decide; the system accepts and the bundle's clock starts
                            .flatMap(c -> cases.accept(c.getId(), CaseActor.SYSTEM))
                            .flatMap(c -> mongo.insert(OneThing.start(c.getId(), c.getCaseNumber(), bundle, idNumber,
                                    form.name(), region, form.requested(), clock.instant())))
                            .flatMap(t -> fileThePart(t, kind, form, caller, insured))
                            .flatMap(this::settle)
                            .flatMap(t -> cases.find(t.getCaseId()).map(c -> {
                                if (c.getStatus() == org.jingban.platform.cases.CaseStatus.REFUSED) {
                                    // every part refused in the request: 422 naming every reason and the kept case
                                    throw ProblemException.unprocessable("「" + bundle.name() + "」各事项均未办成：共"
                                                    + t.refusals().size() + "项原因，请一次性补齐后重新申请",
                                            t.refusals().stream().map(r -> new Violation(r.field(), r.code(), r.message())).toList())
                                            .withProperty("caseId", c.getId()).withProperty("caseNumber", c.getCaseNumber());
                                }
                                return Submitted.of(c, OneThingView.of(t, c, cases.deadlineOf(c), statutoryDue(c, bundle),
                                        today()));
                            }));
                });
    }

    /** 400 with every problem of the bundle's fields and of the 备案's 表11 at once, nothing stored. */
    private void validate(OneThingForm form, BundleDefinition bundle) {
        Violations v = submissions.check(form, bundle.item());
        form.kind().ifPresent(kind -> {
            String code = kind.itemCode();
            boolean included = bundle.appliedPartOf(OneThing.FILING_SERVICE).map(p -> p.items().contains(code)).orElse(false);
            v.check(included, "备案类别", "not-in-bundle", "「" + bundle.name() + "」不含该备案类别");
            ItemDefinition filingItem = catalog.items().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
            Set<String> seen = new LinkedHashSet<>();
            v.list().forEach(x -> seen.add(x.field() + "|" + x.code()));
            for (Violation x : submissions.check(form.filingForm(), filingItem).list()) {
                if (seen.add(x.field() + "|" + x.code())) {
                    v.add(x);
                }
            }
        });
        v.throwIfAny();
    }

    /** The 备案 as its own case (即办件 in Gansu: in force in the request); its refusal is kept, never thrown. */
    private Mono<OneThing> fileThePart(OneThing t, FilingKind kind, OneThingForm form, Caller caller,
                                       InsuredPerson.Coverage coverage) {
        return filings.apply(kind, form.filingForm(), caller, coverage)
                .map(s -> new Outcome(s.caseNumber(), s.status() == org.jingban.platform.cases.CaseStatus.COMPLETED,
                        List.of(), validity(s)))
                .onErrorResume(ProblemException.class, e -> Mono.just(new Outcome(
                        e.properties() == null ? null : (String) e.properties().get("caseNumber"), false,
                        e.violations().isEmpty() ? List.of(Reason.at("异地就医备案", "refused", e.title()))
                                : e.violations().stream().map(x -> Reason.at(x.field(), x.code(), x.message())).toList(),
                        null)))
                // anything else (a store or read-model failure): the part is refused with that reason, so the bundle
                // still settles and the applicant sees which part failed — never a bundle left waiting on it
                .onErrorResume(e -> !(e instanceof ProblemException), e -> {
                    log.warn("一件事 {} 的异地就医备案未能办理：{}", t.getCaseNumber(), e.toString());
                    return Mono.just(new Outcome(null, false, List.of(Reason.at("异地就医备案", "filing-failed",
                            "异地就医备案暂时未能办理（系统原因），请稍后单独申请异地就医备案")), null));
                })
                .flatMap(o -> change(t.getId(), one -> o.done() ? one.filingDone(o.caseNumber(), o.validity())
                        : !o.reasons().isEmpty() ? one.filingRefused(o.caseNumber(), o.reasons())
                        : o.caseNumber() != null ? one.filingWaiting(o.caseNumber()) : one));
    }

    private record Outcome(String caseNumber, boolean done, List<Reason> reasons, String validity) {
    }

    private static String validity(Submitted s) {
        if (s.result() instanceof org.jingban.offsitefiling.filing.FilingView f) {
            return validity(String.valueOf(f.validFrom()), f.validUntil() == null ? null : String.valueOf(f.validUntil()));
        }
        return null;
    }

    private static String validity(String from, String until) {
        return "备案有效期：" + from + (until == null || until.isEmpty() ? " 起长期有效" : " 至 " + until);
    }

    /**
     * The end of a 备案 case the bundle waits for — a region where 备案 is not a 即办件, completed or refused later by
     * staff: the part takes its result, then the bundle may be finished. A 备案 done in the bundle's own request finds
     * its part no longer waiting and changes nothing; so does a redelivery.
     */
    @CaseReaction(item = {"622036004001", "622036004002", "622036004003", "622036004004"},
            on = {CaseEvents.COMPLETED, CaseEvents.REFUSED, CaseEvents.REJECTED, CaseEvents.WITHDRAWN})
    public Mono<OneThing> filingEnded(Case c) {
        return mongo.findOne(Query.query(Criteria.where("parts.caseNumber").is(c.getCaseNumber())), OneThing.class)
                .filter(t -> t.filingWaitsFor(c.getCaseNumber()))
                .flatMap(t -> change(t.getId(), one -> filingResult(one, c)))
                .flatMap(this::settle);
    }

    /** The part as its 备案 case ended; unchanged while the case runs or when the part no longer waits for it. */
    private static OneThing filingResult(OneThing one, Case c) {
        boolean waits = one.filingWaitsFor(c.getCaseNumber()) || one.filingWaitsFor(null);
        if (!waits || !c.getStatus().finished()) {
            return one;
        }
        if (c.getStatus() == CaseStatus.COMPLETED) {
            return one.filingDone(c.getCaseNumber(), validity((String) c.getForm().get(FilingApplications.VALID_FROM),
                    (String) c.getForm().get(FilingApplications.VALID_UNTIL)));
        }
        List<Reason> reasons = c.getReasons().isEmpty()
                ? List.of(Reason.at("异地就医备案", "withdrawn", "异地就医备案申请已撤回")) : c.getReasons();
        return one.filingRefused(c.getCaseNumber(), reasons);
    }

    /**
     * The sweep after a crash: a bundle whose 备案 part still waits {@code grace} after its submission. Its 备案 case
     * (the person's, of a 备案 item, submitted since the bundle) decides the part, finished or still running; with none,
     * the 备案 was never made (a crash between the bundle's first write and the filing) and the part is refused with a
     * reason that says so — as a system failure in the request is — so the bundle still ends. And a bundle's case
     * left without its parts ({@link #interrupted}) is ended. How many it changed.
     */
    public Mono<Long> sweep(Duration grace) {
        Instant before = clock.instant().minus(grace);
        return filingParts(before).concatWith(interrupted(before)).reduce(0L, Long::sum);
    }

    /**
     * A bundle's case with no parts: a crash between the bundle's case and its {@code one_things} document. Nothing of
     * it was done, so the case ends (未通过, or 不予受理 before 受理) with a reason that says so, and may be applied for
     * again.
     */
    private Mono<Long> interrupted(Instant before) {
        List<Reason> why = List.of(Reason.at("申请", "interrupted", "「就医费用报销一件事」未能办理（系统中断），各事项均未办理，请重新申请"));
        return mongo.find(Query.query(Criteria.where("itemCode").is(CODE)
                        .and("status").in(CaseStatus.SUBMITTED, CaseStatus.ACCEPTED)), Case.class)
                .filter(c -> c.getSubmittedAt().isBefore(before))
                .filterWhen(c -> mongo.exists(Query.query(Criteria.where("_id").is(c.getId())), OneThing.class).map(b -> !b))
                .concatMap(c -> (c.getStatus() == CaseStatus.SUBMITTED ? cases.reject(c.getId(), CaseActor.SYSTEM, why)
                        : cases.refuse(c.getId(), CaseActor.SYSTEM, why))
                        .doOnNext(done -> log.warn("一件事 {} 无各事项记录（系统中断），已按未办理结束", done.getCaseNumber()))
                        .onErrorResume(e -> {
                            log.warn("一件事 {} 巡检未完成，下次再试: {}", c.getCaseNumber(), e.toString());
                            return Mono.empty();
                        }))
                .count();
    }

    /** Bundles whose 备案 part still waits since before {@code before}: see {@link #sweep}. */
    private Mono<Long> filingParts(Instant before) {
        return mongo.find(Query.query(Criteria.where("pending").is(true)), OneThing.class)
                .filter(t -> t.getSubmittedAt().isBefore(before) && t.filingPart()
                        .filter(p -> p.state() == OneThing.State.PENDING).isPresent())
                .concatMap(t -> filingCase(t)
                        .flatMap(c -> change(t.getId(), one -> c.getStatus().finished() ? filingResult(one, c)
                                : one.filingWaitsFor(null) ? one.filingWaiting(c.getCaseNumber()) : one))
                        .switchIfEmpty(Mono.defer(() -> change(t.getId(), one -> one.filingWaitsFor(null)
                                ? one.filingRefused(null, List.of(Reason.at("异地就医备案", "filing-failed",
                                "异地就医备案未能办理（系统中断），请单独申请异地就医备案"))) : one)))
                        .flatMap(this::settle)
                        .doOnNext(done -> log.info("一件事 {} 的异地就医备案部分已由巡检补记", done.getCaseNumber()))
                        .onErrorResume(e -> {
                            log.warn("一件事 {} 巡检未完成，下次再试: {}", t.getCaseNumber(), e.toString());
                            return Mono.empty();
                        }))
                .count();
    }

    /** The 备案 case the bundle's part stands for: the one it names, else the person's first since the bundle. */
    private Mono<Case> filingCase(OneThing t) {
        String known = t.filingPart().map(OneThing.Part::caseNumber).orElse(null);
        if (known != null) {
            return cases.findByNumber(known);
        }
        return cases.byApplicant(t.getIdNumber())
                .filter(c -> FilingKind.ofItem(c.getItemCode()).isPresent() && !c.getSubmittedAt().isBefore(t.getSubmittedAt()))
                .sort(Comparator.comparing(Case::getSubmittedAt))
                .next();
    }

    /** enrollment-service's answer to the 家庭共济 request, once per answer event; then the bundle may be finished. */
    public Mono<OneThing> familyAnswered(FamilySharingEvents.FamilySharingResult result, ReceivedEvent event) {
        return inbox.applyOnce(OneThing.class, result.bundleId(), event, t -> t.familyAnswered(result))
                .flatMap(this::settle);
    }

    /**
     * When every part has its result: 办结 of the bundle's case with the parts and the one notice in its details, or
     * 未通过 with every part's reasons when none was done. Again after a redelivery: a finished case is left as it is.
     */
    Mono<OneThing> settle(OneThing t) {
        if (!t.settled()) {
            return Mono.just(t);
        }
        return cases.find(t.getCaseId()).flatMap(c -> {
            if (c.getStatus().finished()) {
                return Mono.just(t);
            }
            Mono<Case> finished;
            if (t.anyDone()) {
                Map<String, Object> details = new LinkedHashMap<>();
                List<String> summary = new ArrayList<>();
                t.getParts().forEach(p -> summary.add(p.name() + "：" + p.state().label()));
                details.put("parts", String.join("；", summary));
                if (t.notice() != null) {
                    details.put("notice", t.notice());
                }
                finished = cases.complete(t.getCaseId(), CaseActor.SYSTEM, details);
            } else {
                finished = cases.refuse(t.getCaseId(), CaseActor.SYSTEM, t.refusals());
            }
            return finished.doOnNext(done -> log.info("一件事 {} {}", done.getCaseNumber(), done.getStatus()))
                    .onErrorResume(CaseRefusedException.class, e -> Mono.empty()) // finished meanwhile
                    .thenReturn(t);
        });
    }

    private Mono<OneThing> change(String id, java.util.function.UnaryOperator<OneThing> change) {
        return Mono.defer(() -> mongo.findById(id, OneThing.class).flatMap(t -> mongo.save(change.apply(t).marked())))
                .retryWhen(WriteConflicts.retry());
    }

    public Mono<OneThing> byNumber(String caseNumber) {
        return mongo.findOne(Query.query(Criteria.where("caseNumber").is(caseNumber)), OneThing.class);
    }

    /** The view of one bundle: its parts, its case's clock (promised and statutory) and its notice. */
    public Mono<OneThingView> view(OneThing t) {
        return cases.find(t.getCaseId()).map(c -> OneThingView.of(t, c, cases.deadlineOf(c),
                catalog.bundle(t.getCode(), t.getRegionCode()).map(b -> statutoryDue(c, b)).orElse(null), today()));
    }

    private java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(Case.ZONE));
    }

    /** 法定办结时限 counted like the promise: working days from 受理. */
    private java.time.LocalDate statutoryDue(Case c, BundleDefinition bundle) {
        Integer days = bundle.timeLimit() == null ? null : bundle.timeLimit().statutoryWorkingDays();
        return days == null || c.getAcceptedOn() == null ? null : calendar.addWorkingDays(c.getAcceptedOn(), days);
    }
}
