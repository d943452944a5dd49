package org.jingban.settlement.reconciliation;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Supplier;

/**
 * 对账 and 审核 of one institution's month in bounded memory, for any number of lines: the declared lines and the
 * direct-settlement records are each sorted by invoice on disk ({@link ExternalSort}) and merged. Every declared line is
 * exactly one of MATCHED (paid unless a rule refuses it), EXTRA (no settlement under its invoice, or the settlement
 * was reversed), MISMATCHED (the invoice's settlement has another person, day, type, total or fund share), DUPLICATE
 * (its invoice came on an earlier line); a settled record no line declares is MISSING. A matched line the caller's
 * {@link Rules} refuse is deducted (拒付: its fund share); so is a matched line that repeats an earlier matched line's
 * person, day, type and total under another invoice ({@code duplicate-charge}, 重复收费).
 *
 * <p>Memory: the runs being sorted ({@code runSize} items), two bits per line, one 9-byte slot per matched line for
 * the repeated-charge check (a 64-bit fingerprint and a count, every repeat then compared in full), and the reported
 * rows ({@code maxReported} per kind, the first by line number). Time: linear in the lines plus the sort's
 * n log(runSize). The lines are read twice: by invoice through the sort, then in line order for the repeated charges.
 */
public final class MonthReconciler {

    /** A declared line: 票据号码, 证件号码, 就诊类型, 就诊日期, 医疗费用总额, 基金支付金额 (fen). */
    public record Line(long lineNo, String invoice, String idNumber, String visitType, LocalDate day, long totalFen,
                       long fundFen) {

        String key() {
            return MonthReconciler.key(invoice);
        }

        String charge() {
            return idNumber.toUpperCase(Locale.ROOT) + '|' + day + '|' + visitType + '|' + totalFen;
        }
    }

    /** A direct settlement of the month, as reconciliation needs it ({@code fundFen}: the three funds). */
    public record Record(String id, String invoice, String idNumber, LocalDate day, String visitType, long totalFen,
                         long fundFen, boolean reversed) {
    }

    /** A reported line: the declared line (null for MISSING), its settlement (null if none), why. */
    public record Row(Line line, Record record, String note) {
    }

    /** A 拒付/扣除 of a matched line's fund share: the first rule's code, every rule's message. */
    public record Deduction(Line line, String rule, String message) {
    }

    /** The audit rules that refuse a matched line, as {code, message} in order (empty: none). */
    @FunctionalInterface
    public interface Rules {
        List<String[]> of(Line line);
    }

    /** Counts, sums and the first {@code maxReported} rows of each kind (by line number; MISSING by invoice). */
    public record Result(long lines, long totalFen, long fundFen, long settled, long matched, long missing, long extra,
                         long mismatched, long duplicates, long matchedFundFen, long refusedFen, List<Row> missingRows,
                         List<Row> extraRows, List<Row> mismatchedRows, List<Row> duplicateRows,
                         List<Deduction> deductions, boolean truncated, int sortRuns) {
    }

    public static final String DUPLICATE_CHARGE = "duplicate-charge";
    static final String DUPLICATE_CHARGE_MESSAGE = "同一人员同日同类别同金额的费用已在其他票据结算，重复收费扣除";

    private final int runSize;
    private final int maxReported;

    /**
     * @param runSize     items sorted in memory at a time (more: fewer run files, more heap)
     * @param maxReported rows kept per kind
     */
    public MonthReconciler(int runSize, int maxReported) {
        this.runSize = runSize;
        this.maxReported = maxReported;
    }

    /** The invoice as matched: trimmed, upper case. */
    public static String key(String invoice) {
        return invoice.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * @param lines            the declared lines, any order
     * @param records          the institution's direct settlements of the month, any order
     * @param rules            the audit rules of a matched line
     * @param linesInLineOrder the declared lines again, in line order (the second pass)
     */
    public Result reconcile(Iterator<Line> lines, Iterator<Record> records, Rules rules,
                            Supplier<Iterator<Line>> linesInLineOrder) {
        Pass pass = new Pass(maxReported);
        int runs;
        try (ExternalSort<Line> byInvoice = ExternalSort.sort(lines,
                Comparator.comparing(Line::key).thenComparingLong(Line::lineNo), LINE_CODEC, runSize);
             ExternalSort<Record> settled = ExternalSort.sort(records,
                     Comparator.comparing((Record r) -> key(r.invoice())).thenComparing(Record::id), RECORD_CODEC, runSize)) {
            pass.merge(byInvoice, settled, rules);
            runs = byInvoice.runs() + settled.runs();
        }
        pass.repeatedCharges(linesInLineOrder.get());
        return pass.result(runs);
    }

    /** The state of one reconciliation. */
    private static final class Pass {
        final int max;
        final BitSet matchedLines = new BitSet();
        final BitSet refusedLines = new BitSet();
        final Fingerprints charges = new Fingerprints();
        final Capped<Row> extra;
        final Capped<Row> mismatched;
        final Capped<Row> duplicates;
        final Capped<Deduction> deductions;
        final List<Row> missing = new ArrayList<>();
        long lineCount, totalFen, fundFen, settledCount, matched, missingCount, extraCount, mismatchedCount,
                duplicateCount, matchedFundFen, refusedFen;
        boolean truncated;

        Pass(int max) {
            this.max = max;
            extra = new Capped<>(max, r -> r.line().lineNo());
            mismatched = new Capped<>(max, r -> r.line().lineNo());
            duplicates = new Capped<>(max, r -> r.line().lineNo());
            deductions = new Capped<>(max, d -> d.line().lineNo());
        }

        void merge(Iterator<Line> lines, Iterator<Record> records, Rules rules) {
            Line line = lines.hasNext() ? lines.next() : null;
            Record record = records.hasNext() ? records.next() : null;
            while (line != null || record != null) {
                int c = line == null ? 1 : record == null ? -1 : line.key().compareTo(key(record.invoice()));
                if (c > 0) {                                  // a settlement no line declares
                    count(record);
                    if (!record.reversed()) {
                        missingCount++;
                        if (missing.size() < max) {
                            missing.add(new Row(null, record, "已直接结算但未申报"));
                        } else {
                            truncated = true;
                        }
                    }
                    record = records.hasNext() ? records.next() : null;
                    continue;
                }
                Record match = null;
                if (c == 0) {                                 // the invoice's settlement (any further one is odd: counted)
                    match = record;
                    count(record);
                    String key = key(record.invoice());
                    record = records.hasNext() ? records.next() : null;
                    while (record != null && key(record.invoice()).equals(key)) {
                        count(record);
                        record = records.hasNext() ? records.next() : null;
                    }
                }
                String key = line.key();
                classify(line, match, rules);
                line = lines.hasNext() ? lines.next() : null;
                while (line != null && line.key().equals(key)) {   // the same invoice on a later line
                    sum(line);
                    duplicateCount++;
                    duplicates.add(new Row(line, match, "票据号码在本次申报中重复，重复的行不予结算"));
                    line = lines.hasNext() ? lines.next() : null;
                }
            }
        }

        private void count(Record r) {
            if (!r.reversed()) {
                settledCount++;
            }
        }

        private void sum(Line line) {
            lineCount++;
            totalFen += line.totalFen();
            fundFen += line.fundFen();
        }

        private void classify(Line line, Record s, Rules rules) {
            sum(line);
            if (s == null || s.reversed()) {
                extraCount++;
                extra.add(new Row(line, s, s == null ? "无对应的直接结算记录" : "该票据的直接结算已冲正"));
                return;
            }
            List<String> diffs = new ArrayList<>();
            if (!s.idNumber().equalsIgnoreCase(line.idNumber())) diffs.add("证件号码");
            if (!s.day().equals(line.day())) diffs.add("就诊日期");
            if (!s.visitType().equals(line.visitType())) diffs.add("就诊类型");
            if (s.totalFen() != line.totalFen()) diffs.add("医疗费用总额");
            if (s.fundFen() != line.fundFen()) diffs.add("基金支付金额");
            if (!diffs.isEmpty()) {
                mismatchedCount++;
                mismatched.add(new Row(line, s, String.join("、", diffs) + "与直接结算记录不符"));
                return;
            }
            matched++;
            matchedFundFen += line.fundFen();
            matchedLines.set(Math.toIntExact(line.lineNo()));
            charges.add(fingerprint(line.charge()));
            List<String[]> refusing = rules.of(line);
            if (!refusing.isEmpty() && line.fundFen() > 0) {
                refusedFen += line.fundFen();
                refusedLines.set(Math.toIntExact(line.lineNo()));
                deductions.add(new Deduction(line, refusing.get(0)[0],
                        String.join("；", refusing.stream().map(r -> r[1]).toList())));
            }
        }

        /** Second pass, in line order: a matched line repeating an earlier matched line's charge is deducted. */
        void repeatedCharges(Iterator<Line> inLineOrder) {
            Map<Long, String> first = new HashMap<>();
            while (inLineOrder.hasNext()) {
                Line line = inLineOrder.next();
                int no = Math.toIntExact(line.lineNo());
                if (!matchedLines.get(no)) {
                    continue;
                }
                String charge = line.charge();
                long fp = fingerprint(charge);
                if (charges.count(fp) < 2) {
                    continue;
                }
                String earlier = first.putIfAbsent(fp, charge);
                if (earlier == null || !earlier.equals(charge) || line.fundFen() == 0) {
                    continue;                                 // the first of its charge (or a fingerprint collision)
                }
                if (refusedLines.get(no)) {                   // already deducted by a rule: name the repeat too
                    deductions.replace(line.lineNo(), d -> new Deduction(d.line(), d.rule(),
                            d.message() + "；" + DUPLICATE_CHARGE_MESSAGE));
                } else {
                    refusedFen += line.fundFen();
                    refusedLines.set(no);
                    deductions.add(new Deduction(line, DUPLICATE_CHARGE, DUPLICATE_CHARGE_MESSAGE));
                }
            }
        }

        Result result(int runs) {
            boolean cut = truncated || extra.truncated || mismatched.truncated || duplicates.truncated
                    || deductions.truncated;
            return new Result(lineCount, totalFen, fundFen, settledCount, matched, missingCount, extraCount,
                    mismatchedCount, duplicateCount, matchedFundFen, refusedFen, List.copyOf(missing), extra.sorted(),
                    mismatched.sorted(), duplicates.sorted(), deductions.sorted(), cut, runs);
        }
    }

    /** The first {@code max} items by line number, whatever order they come in. */
    private static final class Capped<T> {
        final int max;
        final java.util.function.ToLongFunction<T> lineNo;
        final PriorityQueue<T> largestFirst;
        boolean truncated;

        Capped(int max, java.util.function.ToLongFunction<T> lineNo) {
            this.max = max;
            this.lineNo = lineNo;
            this.largestFirst = new PriorityQueue<>(Comparator.comparingLong(lineNo).reversed());
        }

        void add(T item) {
            largestFirst.add(item);
            if (largestFirst.size() > max) {
                largestFirst.poll();
                truncated = true;
            }
        }

        void replace(long no, java.util.function.UnaryOperator<T> change) {
            for (T item : largestFirst) {
                if (lineNo.applyAsLong(item) == no) {
                    largestFirst.remove(item);
                    largestFirst.add(change.apply(item));
                    return;
                }
            }
        }

        List<T> sorted() {
            List<T> items = new ArrayList<>(largestFirst);
            items.sort(Comparator.comparingLong(lineNo));
            return List.copyOf(items);
        }
    }

    /** Counts of 64-bit fingerprints (saturating at 2): open addressing, 9 bytes a slot. */
    static final class Fingerprints {
        private long[] keys = new long[1 << 10];
        private byte[] counts = new byte[1 << 10];
        private int size;

        void add(long fp) {
            if ((size + 1) * 4L > keys.length * 3L) {
                grow();
            }
            int i = slot(keys, counts, fp);
            if (counts[i] == 0) {
                keys[i] = fp;
                counts[i] = 1;
                size++;
            } else if (counts[i] == 1) {
                counts[i] = 2;
            }
        }

        int count(long fp) {
            return counts[slot(keys, counts, fp)];
        }

        private static int slot(long[] keys, byte[] counts, long fp) {
            int mask = keys.length - 1;
            int i = (int) (fp ^ (fp >>> 32)) & mask;
            while (counts[i] != 0 && keys[i] != fp) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private void grow() {
            long[] oldKeys = keys;
            byte[] oldCounts = counts;
            keys = new long[oldKeys.length * 2];
            counts = new byte[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldCounts[i] != 0) {
                    int j = slot(keys, counts, oldKeys[i]);
                    keys[j] = oldKeys[i];
                    counts[j] = oldCounts[i];
                }
            }
        }
    }

    /** 64-bit FNV-1a over the chars, then a MurmurHash3 finaliser. */
    static long fingerprint(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    static final ExternalSort.Codec<Line> LINE_CODEC = new ExternalSort.Codec<>() {
        @Override
        public void write(DataOutputStream out, Line l) throws IOException {
            out.writeLong(l.lineNo());
            out.writeUTF(l.invoice());
            out.writeUTF(l.idNumber());
            out.writeUTF(l.visitType());
            out.writeLong(l.day().toEpochDay());
            out.writeLong(l.totalFen());
            out.writeLong(l.fundFen());
        }

        @Override
        public Line read(DataInputStream in) throws IOException {
            return new Line(in.readLong(), in.readUTF(), in.readUTF(), in.readUTF(), LocalDate.ofEpochDay(in.readLong()),
                    in.readLong(), in.readLong());
        }
    };

    static final ExternalSort.Codec<Record> RECORD_CODEC = new ExternalSort.Codec<>() {
        @Override
        public void write(DataOutputStream out, Record r) throws IOException {
            out.writeUTF(r.id());
            out.writeUTF(r.invoice());
            out.writeUTF(r.idNumber());
            out.writeLong(r.day().toEpochDay());
            out.writeUTF(r.visitType());
            out.writeLong(r.totalFen());
            out.writeLong(r.fundFen());
            out.writeBoolean(r.reversed());
        }

        @Override
        public Record read(DataInputStream in) throws IOException {
            return new Record(in.readUTF(), in.readUTF(), in.readUTF(), LocalDate.ofEpochDay(in.readLong()),
                    in.readUTF(), in.readLong(), in.readLong(), in.readBoolean());
        }
    };
}
