package org.jingban.settlement.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.jingban.settlement.reconciliation.MonthReconciler.Line;
import org.jingban.settlement.reconciliation.MonthReconciler.Record;
import org.junit.jupiter.api.Test;

/** The month's 对账 by sorted merge: every kind of line, the audit's deductions, and the same answer when sorted on disk. */
class MonthReconcilerTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 3);

    static Line line(long no, String invoice, String id, long total, long fund) {
        return new Line(no, invoice, id, "OUTPATIENT", DAY, total, fund);
    }

    static Record record(String invoice, String id, long total, long fund, boolean reversed) {
        return new Record("s-" + invoice, invoice, id, DAY, "OUTPATIENT", total, fund, reversed);
    }

    MonthReconciler.Result reconcile(MonthReconciler reconciler, List<Line> lines, List<Record> records,
                                     MonthReconciler.Rules rules) {
        List<Line> inLineOrder = lines.stream().sorted(Comparator.comparingLong(Line::lineNo)).toList();
        return reconciler.reconcile(lines.iterator(), records.iterator(), rules, inLineOrder::iterator);
    }

    @Test
    void every_declared_line_is_matched_extra_mismatched_or_duplicate_and_undeclared_settlements_are_missing() {
        List<Line> lines = List.of(
                line(1, "INV-1", "A", 30000, 5000),        // matched
                line(2, "inv-2 ", "B", 20000, 4000),       // matched: the invoice as matched is trimmed, upper case
                line(3, "INV-3", "C", 10000, 1000),        // extra: no settlement
                line(4, "INV-4", "D", 10000, 1000),        // extra: the settlement was reversed
                line(5, "INV-5", "E", 99999, 1000),        // mismatched total
                line(6, "INV-1", "A", 30000, 5000));       // duplicate of line 1
        List<Record> records = List.of(record("INV-1", "A", 30000, 5000, false), record("INV-2", "B", 20000, 4000, false),
                record("INV-4", "D", 10000, 1000, true), record("INV-5", "E", 10000, 1000, false),
                record("INV-9", "F", 7000, 700, false));   // missing

        MonthReconciler.Result r = reconcile(new MonthReconciler(1000, 100), lines, records, l -> List.of());

        assertThat(r.lines()).isEqualTo(6);
        assertThat(r.matched()).isEqualTo(2);
        assertThat(r.matchedFundFen()).isEqualTo(9000);
        assertThat(r.extraRows()).extracting(row -> row.line().lineNo()).containsExactly(3L, 4L);
        assertThat(r.extraRows().get(1).note()).isEqualTo("该票据的直接结算已冲正");
        assertThat(r.mismatchedRows()).singleElement().satisfies(row -> assertThat(row.note()).isEqualTo("医疗费用总额与直接结算记录不符"));
        assertThat(r.duplicateRows()).extracting(row -> row.line().lineNo()).containsExactly(6L);
        assertThat(r.missingRows()).extracting(row -> row.record().invoice()).containsExactly("INV-9");
        assertThat(r.settled()).isEqualTo(4);
        assertThat(r.totalFen()).isEqualTo(30000 + 20000 + 10000 + 10000 + 99999 + 30000);
    }

    @Test
    void a_rule_refuses_a_matched_lines_fund_share_and_a_repeated_charge_under_another_invoice_is_deducted_once() {
        List<Line> lines = List.of(
                line(1, "INV-1", "A", 30000, 5000),
                line(2, "INV-2", "A", 30000, 5000),        // same person, day, type, total: 重复收费
                line(3, "INV-3", "B", 20000, 4000),        // refused by the rule
                line(4, "INV-4", "B", 20000, 4000));       // refused by the rule and repeated
        List<Record> records = lines.stream().map(l -> record(l.invoice(), l.idNumber(), l.totalFen(), l.fundFen(), false))
                .toList();
        MonthReconciler.Rules notCovered = l -> l.idNumber().equals("B")
                ? List.<String[]>of(new String[]{"person-not-covered", "就诊人员在就诊日无有效的基本医疗保险参保记录"}) : List.of();

        MonthReconciler.Result r = reconcile(new MonthReconciler(1000, 100), lines, records, notCovered);

        assertThat(r.refusedFen()).isEqualTo(5000 + 4000 + 4000);
        assertThat(r.deductions()).extracting(MonthReconciler.Deduction::rule)
                .containsExactly("duplicate-charge", "person-not-covered", "person-not-covered");
        assertThat(r.deductions().get(0).line().lineNo()).isEqualTo(2);
        assertThat(r.deductions().get(2).message()).endsWith("；" + MonthReconciler.DUPLICATE_CHARGE_MESSAGE);
    }

    @Test
    void sorted_on_disk_in_many_runs_the_answer_is_the_same_as_in_memory_and_reports_keep_the_first_lines() {
        Random random = new Random(7);
        List<Line> lines = new ArrayList<>();
        List<Record> records = new ArrayList<>();
        for (int i = 1; i <= 5000; i++) {
            String invoice = "INV-%06d".formatted(random.nextInt(6000));
            String id = "ID" + random.nextInt(800);
            long total = 100L * (1 + random.nextInt(50));
            lines.add(line(i, invoice, id, total, total / 5));
            if (random.nextInt(10) < 8) {
                records.add(record(invoice, id, random.nextInt(20) == 0 ? total + 1 : total, total / 5, random.nextInt(50) == 0));
            }
        }
        records = new ArrayList<>(records.stream().collect(java.util.stream.Collectors.toMap(Record::invoice, r -> r,
                (a, b) -> a)).values());
        Collections.shuffle(lines, random);
        MonthReconciler.Rules rules = l -> l.totalFen() % 700 == 0
                ? List.<String[]>of(new String[]{"outside-agreement-scope", "协议范围不含"}) : List.of();

        MonthReconciler.Result inMemory = reconcile(new MonthReconciler(100_000, 50), lines, records, rules);
        MonthReconciler.Result onDisk = reconcile(new MonthReconciler(97, 50), lines, records, rules);

        assertThat(inMemory.sortRuns()).isZero();
        assertThat(onDisk.sortRuns()).isGreaterThan(50);
        assertThat(onDisk).usingRecursiveComparison().ignoringFields("sortRuns").isEqualTo(inMemory);
        assertThat(inMemory.truncated()).isTrue();
        assertThat(inMemory.duplicateRows()).hasSize(50).isSortedAccordingTo(Comparator.comparingLong(row -> row.line().lineNo()));
        assertThat(inMemory.matched() + inMemory.extra() + inMemory.mismatched() + inMemory.duplicates()).isEqualTo(5000);
    }

    @Test
    void distinct_charges_have_distinct_fingerprints_and_the_table_counts_repeats() {
        MonthReconciler.Fingerprints table = new MonthReconciler.Fingerprints();
        for (int i = 0; i < 100_000; i++) {
            table.add(MonthReconciler.fingerprint("ID" + i + "|2026-11-03|OUTPATIENT|100"));
        }
        table.add(MonthReconciler.fingerprint("ID7|2026-11-03|OUTPATIENT|100"));
        assertThat(table.count(MonthReconciler.fingerprint("ID7|2026-11-03|OUTPATIENT|100"))).isEqualTo(2);
        assertThat(table.count(MonthReconciler.fingerprint("ID8|2026-11-03|OUTPATIENT|100"))).isEqualTo(1);
        assertThat(table.count(MonthReconciler.fingerprint("ID-none|2026-11-03|OUTPATIENT|100"))).isZero();
    }
}
