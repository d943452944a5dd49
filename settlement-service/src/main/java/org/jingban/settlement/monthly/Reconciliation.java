package org.jingban.settlement.monthly;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jingban.designation.api.AgreementEvents;
import org.jingban.enrollment.api.coverage.EnrollmentReadModel;
import org.jingban.enrollment.api.coverage.InsuredPerson;
import org.jingban.platform.identifiers.Masking;
import org.jingban.platform.money.Money;
import org.jingban.settlement.direct.DirectSettlements;
import org.jingban.settlement.direct.Settlement;
import org.jingban.settlement.reconciliation.MonthReconciler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * 对账 and 审核 of a month: the declared lines against the institution's direct settlements of the month, then the
 * audit rules on the lines that match — {@link MonthReconciler} (module settlement-reconciliation), which sorts both on
 * disk and merges them, so that a month of any size is reconciled in bounded memory. Every declared line is exactly one
 * of MATCHED (paid unless a rule refuses it), EXTRA (no settlement under its invoice, or the settlement was reversed),
 * MISMATCHED (the invoice's settlement has another person, day, type, total or fund share), DUPLICATE (its invoice came
 * earlier in the declaration); a SETTLED settlement of the month no line declares is MISSING. Only MATCHED lines are
 * paid: their 基金支付 minus the 拒付/扣除.
 *
 * <p>Audit rules (拒付, the whole line's fund share, one deduction per line naming the first rule that applies; the
 * others are in its message): {@code outside-agreement-scope} (the agreement's scope does not include the visit's
 * type), {@code outside-agreement-period} (the day is outside the agreement's validity or after its termination),
 * {@code agreement-suspended} (the day lies in the agreement's suspension period), {@code person-not-covered} (the
 * person's basic medical insurance had no 参保缴费期间 holding the day — {@code InsuredPerson.basicCoverageOn}),
 * and {@code duplicate-charge} (扣除: a second bill of the same person, day, type and total under another invoice).
 *
 * <p>It runs on a worker thread (it reads the store as streams and blocks on them); persons are looked up once each,
 * the last {@value #PERSONS_CACHED} kept.
 */
@Component
class Reconciliation {

    /** Lines or settlements sorted in memory at a time; more are sorted in run files. */
    static final int RUN_SIZE = 100_000;
    static final int PERSONS_CACHED = 10_000;
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final DirectSettlements direct;
    private final EnrollmentReadModel enrollment;
    private final MonthlySettlementProperties properties;
    private final Clock clock;

    Reconciliation(ReactiveMongoTemplate mongo, DirectSettlements direct, EnrollmentReadModel enrollment,
                   MonthlySettlementProperties properties, Clock clock) {
        this.mongo = mongo;
        this.direct = direct;
        this.enrollment = enrollment;
        this.properties = properties;
        this.clock = clock;
    }

    /** A direct settlement as reconciliation needs it. */
    static MonthReconciler.Record record(Settlement s) {
        return new MonthReconciler.Record(s.getId(), s.getInvoiceNumber(), s.getIdNumber(), s.getVisitDate(),
                s.getVisitType(), s.getTotalFen(), s.getFundFen() + s.getCriticalIllnessFen() + s.getAssistanceFen(),
                s.getStatus() != Settlement.Status.SETTLED);
    }

    /** The institution's settlements of the month, as lines of a declaration (the "from records" details). */
    reactor.core.publisher.Flux<DeclaredLine> recordsAsLines(String caseId, String uploadId, String institution,
                                                             YearMonth month) {
        return direct.ofInstitutionBetween(institution, month.atDay(1), month.atEndOfMonth())
                .filter(s -> s.getStatus() == Settlement.Status.SETTLED)
                .index()
                .map(t -> {
                    MonthReconciler.Record s = record(t.getT2());
                    long no = t.getT1() + 1;
                    return new DeclaredLine(DeclaredLine.id(caseId, uploadId, no), caseId, uploadId, no, s.invoice(),
                            s.idNumber(), s.visitType(), s.day(), s.totalFen(), s.fundFen());
                });
    }

    Mono<MonthlyDeclaration.Report> run(MonthlyDeclaration d, String uploadId, MonthlyDeclaration.Summary summary,
                                        AgreementEvents.Agreement agreement) {
        YearMonth month = YearMonth.parse(d.getMonth());
        Query lines = Query.query(Criteria.where("caseId").is(d.getId()).and("uploadId").is(uploadId));
        return Mono.fromCallable(() -> {
            Map<String, Optional<InsuredPerson>> persons = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Optional<InsuredPerson>> eldest) {
                    return size() > PERSONS_CACHED;
                }
            };
            MonthReconciler.Rules rules = line -> rules(agreement, line.visitType(), line.day(),
                    persons.computeIfAbsent(line.idNumber(), id -> enrollment.byIdNumber(id).blockOptional(LOOKUP_TIMEOUT))
                            .orElse(null));
            MonthReconciler.Result result = new MonthReconciler(RUN_SIZE, properties.maxReportedLines()).reconcile(
                    mongo.find(lines, DeclaredLine.class).map(Reconciliation::line).toIterable(256).iterator(),
                    direct.ofInstitutionBetween(d.getInstitutionCode(), month.atDay(1), month.atEndOfMonth())
                            .map(Reconciliation::record).toIterable(256).iterator(),
                    rules,
                    () -> mongo.find(Query.of(lines).with(Sort.by("lineNo")), DeclaredLine.class)
                            .map(Reconciliation::line).toIterable(256).iterator());
            return report(result, summary, clock);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static MonthReconciler.Line line(DeclaredLine l) {
        return new MonthReconciler.Line(l.lineNo(), l.invoiceNumber(), l.idNumber(), l.visitType(), l.visitDate(),
                l.totalFen(), l.fundFen());
    }

    /** The scope a visit type needs in the agreement (直接结算's mapping; 购药 for pharmacies). */
    static String scope(String visitType) {
        return switch (visitType) {
            case "OUTPATIENT" -> AgreementEvents.OUTPATIENT;
            case "CHRONIC_OUTPATIENT" -> AgreementEvents.CHRONIC_DISEASE;
            case "INPATIENT" -> AgreementEvents.INPATIENT;
            case "RETAIL_DRUGS" -> AgreementEvents.RETAIL_DRUGS;
            default -> visitType;
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

    /** The audit rules that refuse a line on its day, in order (empty: none). */
    static List<String[]> rules(AgreementEvents.Agreement a, String visitType, LocalDate day, InsuredPerson person) {
        List<String[]> found = new ArrayList<>();
        if (a == null) {
            found.add(new String[]{"institution-not-designated", "未查询到本机构的医保协议"});
            return found;
        }
        String scope = scope(visitType);
        if (!a.scope().contains(scope)) {
            found.add(new String[]{"outside-agreement-scope", "医保协议范围不含" + scopeLabel(scope)});
        }
        if (day.isBefore(a.validFrom()) || (a.validUntil() != null && day.isAfter(a.validUntil()))
                || (a.terminatedOn() != null && !day.isBefore(a.terminatedOn()))) {
            found.add(new String[]{"outside-agreement-period", "就诊日不在医保协议有效期（" + a.validFrom() + "至"
                    + (a.terminatedOn() != null ? a.terminatedOn() + "终止" : a.validUntil() == null ? "长期" : a.validUntil()) + "）内"});
        }
        if (a.suspendedFrom() != null && !day.isBefore(a.suspendedFrom())
                && (a.suspendedUntil() == null || !day.isAfter(a.suspendedUntil()))) {
            found.add(new String[]{"agreement-suspended", "就诊日在医保协议暂停期间（" + a.suspendedFrom() + "至"
                    + (a.suspendedUntil() == null ? "恢复前" : a.suspendedUntil()) + "）"
                    + (a.suspensionReason() == null ? "" : "，原因：" + a.suspensionReason())});
        }
        if (person == null || person.basicCoverageOn(day).isEmpty()) {
            found.add(new String[]{"person-not-covered", "就诊人员在就诊日无有效的基本医疗保险参保记录"});
        }
        return found;
    }

    static MonthlyDeclaration.Report report(MonthReconciler.Result r, MonthlyDeclaration.Summary summary, Clock clock) {
        List<String> problems = new ArrayList<>();
        if (summary != null) {
            if (summary.count() != r.lines()) {
                problems.add("月度汇总对账表结算笔数" + summary.count() + "与明细" + r.lines() + "笔不符");
            }
            if (summary.totalFen() != r.totalFen()) {
                problems.add("月度汇总对账表医疗费用总额" + Money.format(summary.totalFen()) + "元与明细合计"
                        + Money.format(r.totalFen()) + "元不符");
            }
            if (summary.fundFen() != r.fundFen()) {
                problems.add("月度汇总对账表基金支付总额" + Money.format(summary.fundFen()) + "元与明细合计"
                        + Money.format(r.fundFen()) + "元不符");
            }
        }
        return new MonthlyDeclaration.Report(r.lines(), r.totalFen(), r.fundFen(), r.settled(), r.matched(), r.missing(),
                r.extra(), r.mismatched(), r.duplicates(), r.matchedFundFen(), r.refusedFen(),
                r.matchedFundFen() - r.refusedFen(), problems.isEmpty(), problems, rows(r.missingRows()),
                rows(r.extraRows()), rows(r.mismatchedRows()), rows(r.duplicateRows()),
                r.deductions().stream().map(Reconciliation::deduction).toList(), r.truncated(), clock.instant());
    }

    private static List<MonthlyDeclaration.ReportLine> rows(List<MonthReconciler.Row> rows) {
        return rows.stream().map(Reconciliation::row).toList();
    }

    private static MonthlyDeclaration.ReportLine row(MonthReconciler.Row row) {
        MonthReconciler.Line l = row.line();
        MonthReconciler.Record s = row.record();
        if (l == null) {
            return new MonthlyDeclaration.ReportLine(null, s.invoice(), Masking.idNumber(s.idNumber()),
                    s.day().toString(), null, null, Money.format(s.totalFen()), Money.format(s.fundFen()), s.id(),
                    row.note());
        }
        return new MonthlyDeclaration.ReportLine(l.lineNo(), l.invoice(), Masking.idNumber(l.idNumber()),
                l.day().toString(), Money.format(l.totalFen()), Money.format(l.fundFen()),
                s == null ? null : Money.format(s.totalFen()), s == null ? null : Money.format(s.fundFen()),
                s == null ? null : s.id(), row.note());
    }

    private static MonthlyDeclaration.Deduction deduction(MonthReconciler.Deduction d) {
        MonthReconciler.Line l = d.line();
        return new MonthlyDeclaration.Deduction(l.lineNo(), l.invoice(), Masking.idNumber(l.idNumber()),
                l.day().toString(), d.rule(), d.message(), Money.format(l.fundFen()));
    }
}
