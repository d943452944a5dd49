package org.jingban.settlement.monthly;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.jingban.designation.api.AgreementEvents;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.StageInsertion;
import org.jingban.platform.cases.StageKind;
import org.jingban.platform.cases.StageSpec;
import org.jingban.platform.cases.application.CaseRefusedException;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.messaging.WriteConflicts;
import org.jingban.platform.money.Money;
import org.jingban.platform.security.Authorize;
import org.jingban.platform.security.Caller;
import org.jingban.platform.service.cases.CaseActors;
import org.jingban.platform.service.items.CaseReaction;
import org.jingban.platform.service.items.ItemApplication;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.jingban.settlement.coverage.AgreementReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.StringDecoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.springframework.util.MimeType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 主项十 月度结算 (622036010001 定点医疗机构 / 622036010002 定点零售药店费用结算): the institution declares a month
 * (申请) with its 月度汇总电子对账表 and the details — its direct-settlement records of the month, or a CSV upload — the
 * service reconciles and audits them ({@link Reconciliation}) before 受理; details that do not add up to the summary,
 * or that are still to come, go back as 补正 (the kernel's {@code requestSupplement}, by the system). Staff go through
 * 受理 — 审核 (the 结算单据 is fixed when it completes) — 财务复核 — 负责人审批 — 拨付; completing 拨付 pays the 结算单据's
 * amount once ({@link InstitutionPayments}) and the system completes the case with the amount when the bank books it.
 *
 * <p>One declaration per institution and month ({@link MonthClaim}): a second one is refused acceptance
 * ({@code month-already-declared}) unless the first ended 不予受理, 未通过 or 撤回 without a payment.
 */
@Service
public class MonthlyDeclarations {

    private static final Logger log = LoggerFactory.getLogger(MonthlyDeclarations.class);

    public static final String MEDICAL = "622036010001";
    public static final String PHARMACY = "622036010002";
    static final String REVIEW = "审核";
    static final String FINANCE_REVIEW = "财务复核";
    static final String DIRECTOR_APPROVAL = "负责人审批";
    static final String PAYMENT = "拨付";
    static final String RECORDS = "records";
    private static final Duration ABANDONED_CLAIM = Duration.ofMinutes(2);
    private static final Set<CaseStatus> ENDED_UNPAID = Set.of(CaseStatus.REJECTED, CaseStatus.REFUSED, CaseStatus.WITHDRAWN);

    /** Who declares: the endpoint decides the item, the agreement must be of that kind. */
    public enum Kind {
        MEDICAL_INSTITUTION(MEDICAL, "定点医疗机构"), RETAIL_PHARMACY(PHARMACY, "定点零售药店");

        final String itemCode;
        final String label;

        Kind(String itemCode, String label) {
            this.itemCode = itemCode;
            this.label = label;
        }
    }

    private final ReactiveMongoTemplate mongo;
    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final CaseService cases;
    private final AgreementReadModel agreements;
    private final Reconciliation reconciliation;
    private final InstitutionPayments payments;
    private final MonthlySettlementProperties properties;
    private final Clock clock;

    public MonthlyDeclarations(ReactiveMongoTemplate mongo, Catalog catalog, ItemSubmissions submissions,
                               CaseService cases, AgreementReadModel agreements, Reconciliation reconciliation,
                               InstitutionPayments payments, MonthlySettlementProperties properties, Clock clock) {
        this.mongo = mongo;
        this.catalog = catalog;
        this.submissions = submissions;
        this.cases = cases;
        this.agreements = agreements;
        this.reconciliation = reconciliation;
        this.payments = payments;
        this.properties = properties;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- 申请

    public Mono<Submitted> declare(Kind kind, DeclarationForm form, Caller caller) {
        String institution = institution(caller);
        return agreements.of(institution)
                .switchIfEmpty(Mono.error(() -> ProblemException.unprocessable("不能申报结算", List.of(new Violation(
                        "institution", "institution-not-designated", "未查询到本机构的医保协议（不是定点医药机构），不能申报结算")))))
                .flatMap(a -> {
                    ItemDefinition item = catalog.item(kind.itemCode, a.regionCode());
                    submissions.validate(form, item);
                    List<Reason> checks = new ArrayList<>();
                    if (!kind.name().equals(a.kind())) {
                        checks.add(Reason.at("institution", "institution-kind", "本机构的医保协议不是" + kind.label
                                + "协议，请按协议类别申报"));
                    }
                    YearMonth month = form.period();
                    YearMonth now = YearMonth.now(clock.withZone(Case.ZONE));
                    if (properties.monthMustHaveEnded() ? !month.isBefore(now) : month.isAfter(now)) {
                        checks.add(Reason.at("结算月份", "month-not-ended", "结算月份" + month + "尚未结束，次月起方可申报"));
                    }
                    String key = MonthClaim.key(institution, month.toString());
                    String claimId = UUID.randomUUID().toString();
                    Mono<Boolean> claim = checks.isEmpty() ? claim(key, claimId) : Mono.just(false);
                    return claim.flatMap(claimed -> {
                        if (checks.isEmpty() && !claimed) {
                            checks.add(Reason.at("结算月份", "month-already-declared", "本机构" + month
                                    + "的费用结算已申报，同一月份只能申报一次（前次申报不予受理、未通过或撤回的除外）"));
                        }
                        ItemApplication application = ItemApplication.of(item, form, caller)
                                .applicant(Party.institution(institution, a.name()))
                                .failedChecks(checks)
                                .extraStages(stages(item))
                                .reference("month", month.toString());
                        return submissions.submitCase(application)
                                .onErrorResume(e -> (claimed ? release(key, claimId) : Mono.<Void>empty()).then(Mono.error(e)))
                                .flatMap(c -> bind(key, claimId, c.getId()).then(start(c, form, a)))
                                .map(c -> Submitted.of(c, null, Map.of("month", month.toString())));
                    });
                });
    }

    /** 财务复核 and 负责人审批 before 拨付 (and 拨付 itself before 办结 where the region's chain has none). */
    static StageInsertion stages(ItemDefinition item) {
        List<String> steps = item.steps() == null ? List.of() : item.steps();
        List<StageSpec> inserted = new ArrayList<>();
        inserted.add(new StageSpec(FINANCE_REVIEW, StageKind.FINANCE_REVIEW, null));
        inserted.add(new StageSpec(DIRECTOR_APPROVAL, StageKind.APPROVAL, null));
        if (steps.contains(PAYMENT)) {
            return new StageInsertion(PAYMENT, inserted);
        }
        inserted.add(new StageSpec(PAYMENT, StageKind.PAYMENT, null));
        String completion = steps.stream().filter(s -> StageKind.of(s) == StageKind.COMPLETION).findFirst().orElse("办结");
        return new StageInsertion(completion, inserted);
    }

    /** After submission: the declaration, the details from the records (or a wait for the upload), 补正 if needed. */
    private Mono<Case> start(Case c, DeclarationForm form, AgreementEvents.Agreement agreement) {
        DeclarationForm.Summary s = form.summary();
        MonthlyDeclaration d = MonthlyDeclaration.of(c.getId(), c.getCaseNumber(), c.getItemCode(), c.getRegionCode(),
                c.getApplicant().id(), c.getApplicant().name(), form.period().toString(), form.fromRecords(),
                new MonthlyDeclaration.Summary(s.count(), Money.parseFen(s.total()), Money.parseFen(s.fund())));
        Mono<MonthlyDeclaration> stored = mongo.insert(d)
                .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(c.getId(), MonthlyDeclaration.class));
        if (!form.fromRecords()) {
            return stored.then(supplement(c.getId(), List.of(Reason.at(DeclarationForm.MEDICAL_DETAILS, "details-required",
                    "请上传本月费用明细（CSV：" + DetailsCsv.HEADER + "）"))));
        }
        return stored.flatMap(decl -> mongo.remove(Query.query(Criteria.where("caseId").is(c.getId())
                        .and("uploadId").is(RECORDS)), DeclaredLine.class)
                .thenMany(reconciliation.recordsAsLines(c.getId(), RECORDS, decl.getInstitutionCode(), form.period())
                        .buffer(properties.csvBatchSize())
                        .concatMap(batch -> mongo.insert(batch, DeclaredLine.class)))
                .then(reconciliation.run(decl, RECORDS, decl.getSummary(), agreement))
                .flatMap(report -> change(c.getId(), x -> x.details(RECORDS, true, null, report))))
                .flatMap(decl -> decl.ready() ? cases.find(c.getId())
                        : supplement(c.getId(), summaryReasons(decl.getReport())));
    }

    private Mono<Case> supplement(String caseId, List<Reason> reasons) {
        return cases.requestSupplement(caseId, CaseActor.SYSTEM, reasons)
                .onErrorResume(CaseRefusedException.class, e -> cases.find(caseId));
    }

    private static List<Reason> summaryReasons(MonthlyDeclaration.Report report) {
        return report.summaryProblems().stream()
                .map(p -> Reason.at(DeclarationForm.SUMMARY, "summary-mismatch", p + "，请更正对账表或明细后重新上传"))
                .toList();
    }

    // ---------------------------------------------------------------- 明细上传

    /**
     * The details as CSV ({@link DetailsCsv}), read line by line with a bounded buffer and written in batches; every
     * malformed line is named in one 400 (nothing kept). A corrected 月度汇总 may come with it. Accepted while the case
     * waits for 受理 or for 补正; then reconciled and audited, and a case waiting for the details goes on.
     */
    public Mono<DeclarationView> uploadDetails(String caseNumber, Flux<DataBuffer> body,
                                               MonthlyDeclaration.Summary corrected, Caller caller) {
        String institution = institution(caller);
        return cases.findByNumber(caseNumber)
                .filter(c -> isMonthly(c) && c.getApplicant().id().equals(institution))
                .switchIfEmpty(Mono.error(Authorize::notFound))
                .flatMap(c -> {
                    if (c.getStatus() != CaseStatus.SUBMITTED && c.getStatus() != CaseStatus.WAITING_FOR_APPLICANT) {
                        return Mono.error(ProblemException.unprocessable("不能更换明细", List.of(new Violation("case",
                                "details-closed", "本件当前状态为「" + c.getStatus().label() + "」，受理后不能更换明细"))));
                    }
                    String uploadId = UUID.randomUUID().toString();
                    return declaration(c).flatMap(d -> read(c.getId(), uploadId, YearMonth.parse(d.getMonth()), body)
                            .flatMap(problems -> problems.isEmpty() ? Mono.just(d)
                                    : mongo.remove(Query.query(Criteria.where("caseId").is(c.getId()).and("uploadId").is(uploadId)),
                                    DeclaredLine.class).then(Mono.error(malformed(problems))))
                            .flatMap(x -> agreements.of(institution).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                            .flatMap(a -> reconciliation.run(d, uploadId, corrected != null ? corrected : d.getSummary(), a.orElse(null)))
                            .flatMap(report -> change(c.getId(), x -> x.details(uploadId, false, corrected, report)))
                            .flatMap(saved -> mongo.remove(Query.query(Criteria.where("caseId").is(c.getId())
                                            .and("uploadId").ne(uploadId)), DeclaredLine.class)
                                    .then(proceed(c, saved, caller))
                                    .map(after -> DeclarationView.of(after, saved))));
                });
    }

    /** Ready: a case waiting for the details goes on; not ready: 补正 with the summary's problems. */
    private Mono<Case> proceed(Case c, MonthlyDeclaration d, Caller caller) {
        if (d.ready()) {
            return c.getStatus() == CaseStatus.WAITING_FOR_APPLICANT
                    ? cases.resumeAfterSupplement(c.getId(), CaseActors.applicant(caller), null, "已上传费用明细")
                    : Mono.just(c);
        }
        return c.getStatus() == CaseStatus.SUBMITTED ? supplement(c.getId(), summaryReasons(d.getReport())) : Mono.just(c);
    }

    /** Reads and stores the lines; the problems (empty: all lines stored under {@code uploadId}). */
    private Mono<List<DetailsCsv.Problem>> read(String caseId, String uploadId, YearMonth month, Flux<DataBuffer> body) {
        StringDecoder decoder = StringDecoder.textPlainOnly(List.of("\n"), true);
        decoder.setMaxInMemorySize(properties.csvMaxLineBytes());
        AtomicLong lineNo = new AtomicLong();
        AtomicLong problemCount = new AtomicLong();
        List<DetailsCsv.Problem> problems = new ArrayList<>();
        int maxLines = properties.csvMaxLines();
        return decoder.decode(body, ResolvableType.forClass(String.class),
                        new MimeType("text", "plain", StandardCharsets.UTF_8), Map.of())
                .concatMap(text -> {
                    long no = lineNo.incrementAndGet();
                    if (DetailsCsv.isHeader(no, text.startsWith("\uFEFF") ? text.substring(1) : text)) {
                        return Mono.empty();
                    }
                    if (no > maxLines + 1L) {
                        if (no == maxLines + 2L) {
                            note(problems, problemCount, new DetailsCsv.Problem(no, "too-many-lines",
                                    "明细超过" + maxLines + "行，请分批上传或联系经办机构"));
                        }
                        return Mono.empty();
                    }
                    DetailsCsv.Parsed parsed = DetailsCsv.parse(caseId, uploadId, no, text, month);
                    parsed.problems().forEach(p -> note(problems, problemCount, p));
                    return Mono.justOrEmpty(parsed.line());
                })
                .onErrorResume(DataBufferLimitException.class, e -> {
                    note(problems, problemCount, new DetailsCsv.Problem(lineNo.get() + 1, "line-too-long", "第"
                            + (lineNo.get() + 1) + "行超过" + properties.csvMaxLineBytes() + "字节，后续内容未读取"));
                    return Flux.empty();
                })
                .buffer(properties.csvBatchSize())
                .concatMap(batch -> problemCount.get() > 0 ? Flux.<DeclaredLine>empty() : mongo.insert(batch, DeclaredLine.class))
                .then(Mono.fromCallable(() -> {
                    if (problemCount.get() == 0 && lineNo.get() == 0) {
                        problems.add(new DetailsCsv.Problem(1, "empty", "明细为空"));
                    }
                    if (problemCount.get() > problems.size()) {
                        problems.add(new DetailsCsv.Problem(0, "more-problems", "另有" + (problemCount.get() - problems.size())
                                + "处错误未列出"));
                    }
                    return List.copyOf(problems);
                }));
    }

    private void note(List<DetailsCsv.Problem> problems, AtomicLong count, DetailsCsv.Problem p) {
        count.incrementAndGet();
        if (problems.size() < properties.maxReportedLines()) {
            problems.add(p);
        }
    }

    private static ProblemException malformed(List<DetailsCsv.Problem> problems) {
        long lines = problems.stream().map(DetailsCsv.Problem::lineNo).filter(n -> n > 0).distinct().count();
        return ProblemException.validation(problems.stream()
                        .map(p -> new Violation(p.lineNo() > 0 ? "明细第" + p.lineNo() + "行" : "明细", p.code(), p.message()))
                        .toList())
                .withProperty("malformedLines", lines);
    }

    // ---------------------------------------------------------------- 查询

    public Mono<DeclarationView> view(String caseNumber, Caller caller) {
        return cases.findByNumber(caseNumber)
                .filter(this::isMonthly)
                .filter(c -> caller.serves(c.getRegionCode())
                        || (caller.institutionCode() != null && caller.institutionCode().equals(c.getApplicant().id())))
                .switchIfEmpty(Mono.error(Authorize::notFound))
                .flatMap(c -> declaration(c).flatMap(d -> payments.find(c.getId())
                        .map(o -> DeclarationView.of(c, d, o)).defaultIfEmpty(DeclarationView.of(c, d))));
    }

    // ---------------------------------------------------------------- reactions

    /** 补正 done through the shared {@code /resume} without usable details: asked again. */
    @CaseReaction(item = {MEDICAL, PHARMACY}, on = CaseEvents.SUPPLEMENTED)
    public Mono<Case> supplemented(Case c) {
        return declaration(c).flatMap(d -> d.ready() ? Mono.<Case>empty()
                : supplement(c.getId(), d.getReport() == null || d.getUploadId() == null
                ? List.of(Reason.at(DeclarationForm.MEDICAL_DETAILS, "details-required", "尚未收到本月费用明细，请上传后再提交补正"))
                : summaryReasons(d.getReport())));
    }

    /** 审核 completed: the 结算单据 is made — its amount is what 拨付 pays. */
    @CaseReaction(item = {MEDICAL, PHARMACY}, on = CaseEvents.STAGE_COMPLETED, stage = REVIEW)
    public Mono<MonthlyDeclaration> reviewed(Case c) {
        return declaration(c).flatMap(d -> d.getStatementIssuedAt() != null ? Mono.just(d)
                : change(c.getId(), x -> x.issueStatement(clock.instant())));
    }

    /** 拨付 completed by finance: the order (id = the case's) once, to the bank; the system completes the case. */
    @CaseReaction(item = {MEDICAL, PHARMACY}, on = CaseEvents.STAGE_COMPLETED, stage = PAYMENT)
    public Mono<InstitutionPaymentOrder> pay(Case c) {
        DeclarationForm form = ItemSubmissions.form(c, DeclarationForm.class);
        return payments.find(c.getId())
                .switchIfEmpty(Mono.defer(() -> reviewed(c).flatMap(d -> payments.place(InstitutionPaymentOrder.order(
                        c.getId(), c.getCaseNumber(), c.getItemCode(), d.getInstitutionCode(), d.getInstitutionName(),
                        d.getMonth(), form.account().normalisedNumber(), form.account().bank(),
                        form.account().holder() == null ? d.getInstitutionName() : form.account().holder(),
                        d.amountToPayFen(), clock.instant())))))
                .flatMap(payments::send)
                .doOnNext(o -> log.info("办件{}结算款拨付{}：{}元", o.getCaseNumber(), o.getStatus(), Money.format(o.getAmountFen())));
    }

    // ---------------------------------------------------------------- the month's claim

    private Mono<Boolean> claim(String key, String claimId) {
        return mongo.insert(new MonthClaim(key, claimId, null, clock.instant())).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(key, MonthClaim.class)
                        .flatMap(existing -> reclaimable(existing).flatMap(ok -> !ok ? Mono.just(false)
                                : mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("claimId").is(existing.claimId())),
                                        new Update().set("claimId", claimId).set("caseId", null).set("claimedAt", clock.instant()),
                                        MonthClaim.class).map(r -> r.getModifiedCount() == 1)))
                        .defaultIfEmpty(false));
    }

    /** The earlier declaration ended without a payment (不予受理, 未通过, 撤回), or its request died before its case. */
    private Mono<Boolean> reclaimable(MonthClaim existing) {
        if (existing.caseId() == null) {
            return Mono.just(existing.claimedAt().isBefore(clock.instant().minus(ABANDONED_CLAIM)));
        }
        return cases.find(existing.caseId()).map(c -> ENDED_UNPAID.contains(c.getStatus())).defaultIfEmpty(true)
                .flatMap(ended -> ended ? payments.find(existing.caseId()).hasElement().map(paid -> !paid) : Mono.just(false));
    }

    private Mono<Void> bind(String key, String claimId, String caseId) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("claimId").is(claimId)),
                new Update().set("caseId", caseId), MonthClaim.class).then();
    }

    private Mono<Void> release(String key, String claimId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(key).and("claimId").is(claimId)), MonthClaim.class).then();
    }

    // ---------------------------------------------------------------- helpers

    /** The case's declaration; made from the case's form if a crash came between the case and it. */
    private Mono<MonthlyDeclaration> declaration(Case c) {
        return mongo.findById(c.getId(), MonthlyDeclaration.class).switchIfEmpty(Mono.defer(() -> {
            DeclarationForm form = ItemSubmissions.form(c, DeclarationForm.class);
            DeclarationForm.Summary s = form.summary();
            return mongo.insert(MonthlyDeclaration.of(c.getId(), c.getCaseNumber(), c.getItemCode(), c.getRegionCode(),
                            c.getApplicant().id(), c.getApplicant().name(), form.period().toString(), form.fromRecords(),
                            new MonthlyDeclaration.Summary(s.count(), Money.parseFen(s.total()), Money.parseFen(s.fund()))))
                    .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(c.getId(), MonthlyDeclaration.class));
        }));
    }

    private Mono<MonthlyDeclaration> change(String id, java.util.function.Consumer<MonthlyDeclaration> change) {
        return Mono.defer(() -> mongo.findById(id, MonthlyDeclaration.class).flatMap(d -> {
            change.accept(d);
            return mongo.save(d);
        })).retryWhen(WriteConflicts.retryOptimisticLock());
    }

    private boolean isMonthly(Case c) {
        return MEDICAL.equals(c.getItemCode()) || PHARMACY.equals(c.getItemCode());
    }

    private static String institution(Caller caller) {
        if (caller.institutionCode() == null || caller.institutionCode().isBlank()) {
            throw ProblemException.forbidden("仅定点医药机构可以申报结算、上传明细");
        }
        return caller.institutionCode();
    }
}
