package org.jingban.settlement.monthly;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jingban.designation.api.AgreementEvents;
import org.jingban.enrollment.api.coverage.EnrollmentReadModel;
import org.jingban.enrollment.api.coverage.InsuredPerson;
import org.jingban.platform.identifiers.Masking;
import org.jingban.platform.money.Money;
import org.jingban.settlement.direct.DirectSettlements;
import org.jingban.settlement.direct.Settlement;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * 对账 and 审核 of a month: the declared lines against the institution's direct settlements of the month, then the
 * audit rules on the lines that match. Every declared line is exactly one of MATCHED (paid unless a rule refuses it),
 * EXTRA (no settlement under its invoice, or the settlement was reversed), MISMATCHED (the invoice's settlement has
 * another person, day, type, total or fund share), DUPLICATE (its invoice came earlier in the declaration); a SETTLED
 * settlement of the month no line declares is MISSING. Only MATCHED lines are paid: their 基金支付 minus the 拒付/扣除.
 *
 * <p>Audit rules (拒付, the whole line's fund share, one deduction per line naming the first rule that applies; the
 * others are in its message): {@code outside-agreement-scope} (the agreement's scope does not include the visit's
 * type), {@code outside-agreement-period} (the day is outside the agreement's validity or after its termination),
 * {@code agreement-suspended} (the day lies in the agreement's suspension period), {@code person-not-covered} (the
 * person's basic medical insurance had no 参保缴费期间 holding the day — {@code InsuredPerson.basicCoverageOn}),
 * and {@code duplicate-charge} (扣除: a second bill of the same person, day, type and total under another invoice).
 *
 * <p>Memory: the month's settlements are held as one small entry per invoice while the lines stream through (a month of
 * one institution), the lines themselves are read from the store in line order.
 */
@Component
class Reconciliation {

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
    record Settled(String id, String invoice, String idNumber, LocalDate day, String visitType, long totalFen,
                   long fundFen, boolean reversed) {

        static Settled of(Settlement s) {
            return new Settled(s.getId(), s.getInvoiceNumber(), s.getIdNumber(), s.getVisitDate(), s.getVisitType(),
                    s.getTotalFen(), s.getFundFen() + s.getCriticalIllnessFen() + s.getAssistanceFen(),
                    s.getStatus() != Settlement.Status.SETTLED);
        }
    }

    static String key(String invoice) {
        return invoice.strip().toUpperCase(Locale.ROOT);
    }

    /** The institution's settlements of the month, as lines of a declaration (the "from records" details). */
    reactor.core.publisher.Flux<DeclaredLine> recordsAsLines(String caseId, String uploadId, String institution,
                                                             YearMonth month) {
        return direct.ofInstitutionBetween(institution, month.atDay(1), month.atEndOfMonth())
                .filter(s -> s.getStatus() == Settlement.Status.SETTLED)
                .index()
                .map(t -> {
                    Settled s = Settled.of(t.getT2());
                    long no = t.getT1() + 1;
                    return new DeclaredLine(DeclaredLine.id(caseId, uploadId, no), caseId, uploadId, no, s.invoice(),
                            s.idNumber(), s.visitType(), s.day(), s.totalFen(), s.fundFen());
                });
    }

    Mono<MonthlyDeclaration.Report> run(MonthlyDeclaration d, String uploadId, MonthlyDeclaration.Summary summary,
                                        AgreementEvents.Agreement agreement) {
        YearMonth month = YearMonth.parse(d.getMonth());
        return direct.ofInstitutionBetween(d.getInstitutionCode(), month.atDay(1), month.atEndOfMonth())
                .collectMap(s -> key(s.getInvoiceNumber()), Settled::of, LinkedHashMap::new)
                .flatMap(settled -> {
                    Acc acc = new Acc(settled, agreement, properties.maxReportedLines());
                    return mongo.find(Query.query(Criteria.where("caseId").is(d.getId()).and("uploadId").is(uploadId))
                                    .with(Sort.by("lineNo")), DeclaredLine.class)
                            .concatMap(line -> acc.classify(line) ? person(acc, line.idNumber())
                                    .doOnNext(p -> acc.audit(line, p.orElse(null))).then() : Mono.<Void>empty())
                            .then(Mono.fromCallable(() -> acc.report(summary, clock)));
                });
    }

    private Mono<Optional<InsuredPerson>> person(Acc acc, String idNumber) {
        Optional<InsuredPerson> known = acc.persons.get(idNumber);
        if (known != null) {
            return Mono.just(known);
        }
        return enrollment.byIdNumber(idNumber).map(Optional::of).defaultIfEmpty(Optional.empty())
                .doOnNext(p -> acc.persons.put(idNumber, p));
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

    /** The running state of one reconciliation (sequential: concatMap). */
    private static final class Acc {
        final Map<String, Settled> settled;
        final AgreementEvents.Agreement agreement;
        final int max;
        final Map<String, Optional<InsuredPerson>> persons = new HashMap<>();
        final Set<String> seen = new HashSet<>();
        final Set<String> charges = new HashSet<>();
        final List<MonthlyDeclaration.ReportLine> extra = new ArrayList<>();
        final List<MonthlyDeclaration.ReportLine> mismatched = new ArrayList<>();
        final List<MonthlyDeclaration.ReportLine> duplicates = new ArrayList<>();
        final List<MonthlyDeclaration.Deduction> deductions = new ArrayList<>();
        long lines, totalFen, fundFen, matched, extraCount, mismatchedCount, duplicateCount, matchedFundFen, refusedFen;
        boolean truncated;

        Acc(Map<String, Settled> settled, AgreementEvents.Agreement agreement, int max) {
            this.settled = settled;
            this.agreement = agreement;
            this.max = max;
        }

        /** Counts the line; true when it matches a settlement (then it is audited). */
        boolean classify(DeclaredLine line) {
            lines++;
            totalFen += line.totalFen();
            fundFen += line.fundFen();
            String key = key(line.invoiceNumber());
            if (!seen.add(key)) {
                duplicateCount++;
                add(duplicates, row(line, settled.get(key), "票据号码在本次申报中重复，重复的行不予结算"));
                return false;
            }
            Settled s = settled.get(key);
            if (s == null || s.reversed()) {
                extraCount++;
                add(extra, row(line, s, s == null ? "无对应的直接结算记录" : "该票据的直接结算已冲正"));
                return false;
            }
            List<String> diffs = new ArrayList<>();
            if (!s.idNumber().equalsIgnoreCase(line.idNumber())) diffs.add("证件号码");
            if (!s.day().equals(line.visitDate())) diffs.add("就诊日期");
            if (!s.visitType().equals(line.visitType())) diffs.add("就诊类型");
            if (s.totalFen() != line.totalFen()) diffs.add("医疗费用总额");
            if (s.fundFen() != line.fundFen()) diffs.add("基金支付金额");
            if (!diffs.isEmpty()) {
                mismatchedCount++;
                add(mismatched, row(line, s, String.join("、", diffs) + "与直接结算记录不符"));
                return false;
            }
            matched++;
            matchedFundFen += line.fundFen();
            return true;
        }

        void audit(DeclaredLine line, InsuredPerson person) {
            List<String[]> rules = rules(agreement, line.visitType(), line.visitDate(), person);
            String charge = line.idNumber() + "|" + line.visitDate() + "|" + line.visitType() + "|" + line.totalFen();
            if (!charges.add(charge)) {
                rules.add(new String[]{"duplicate-charge", "同一人员同日同类别同金额的费用已在其他票据结算，重复收费扣除"});
            }
            if (rules.isEmpty() || line.fundFen() == 0) {
                return;
            }
            refusedFen += line.fundFen();
            String message = String.join("；", rules.stream().map(r -> r[1]).toList());
            add(deductions, new MonthlyDeclaration.Deduction(line.lineNo(), line.invoiceNumber(),
                    Masking.idNumber(line.idNumber()), line.visitDate().toString(), rules.get(0)[0], message,
                    Money.format(line.fundFen())));
        }

        MonthlyDeclaration.Report report(MonthlyDeclaration.Summary summary, Clock clock) {
            List<MonthlyDeclaration.ReportLine> missing = new ArrayList<>();
            long missingCount = 0;
            for (Map.Entry<String, Settled> e : settled.entrySet()) {
                Settled s = e.getValue();
                if (!s.reversed() && !seen.contains(e.getKey())) {
                    missingCount++;
                    add(missing, new MonthlyDeclaration.ReportLine(null, s.invoice(), Masking.idNumber(s.idNumber()),
                            s.day().toString(), null, null, Money.format(s.totalFen()), Money.format(s.fundFen()), s.id(),
                            "已直接结算但未申报"));
                }
            }
            List<String> problems = new ArrayList<>();
            if (summary != null) {
                if (summary.count() != lines) {
                    problems.add("月度汇总对账表结算笔数" + summary.count() + "与明细" + lines + "笔不符");
                }
                if (summary.totalFen() != totalFen) {
                    problems.add("月度汇总对账表医疗费用总额" + Money.format(summary.totalFen()) + "元与明细合计"
                            + Money.format(totalFen) + "元不符");
                }
                if (summary.fundFen() != fundFen) {
                    problems.add("月度汇总对账表基金支付总额" + Money.format(summary.fundFen()) + "元与明细合计"
                            + Money.format(fundFen) + "元不符");
                }
            }
            return new MonthlyDeclaration.Report(lines, totalFen, fundFen,
                    settled.values().stream().filter(s -> !s.reversed()).count(), matched, missingCount,
                    extraCount, mismatchedCount, duplicateCount, matchedFundFen, refusedFen, matchedFundFen - refusedFen,
                    problems.isEmpty(), problems, missing, List.copyOf(extra), List.copyOf(mismatched),
                    List.copyOf(duplicates), List.copyOf(deductions), truncated, clock.instant());
        }

        private MonthlyDeclaration.ReportLine row(DeclaredLine l, Settled s, String note) {
            return new MonthlyDeclaration.ReportLine(l.lineNo(), l.invoiceNumber(), Masking.idNumber(l.idNumber()),
                    l.visitDate().toString(), Money.format(l.totalFen()), Money.format(l.fundFen()),
                    s == null ? null : Money.format(s.totalFen()), s == null ? null : Money.format(s.fundFen()),
                    s == null ? null : s.id(), note);
        }

        private <T> void add(List<T> list, T item) {
            if (list.size() < max) {
                list.add(item);
            } else {
                truncated = true;
            }
        }
    }
}
