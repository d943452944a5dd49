package org.jingban.benchmarks;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

import org.jingban.settlement.reconciliation.MonthReconciler;
import org.jingban.settlement.reconciliation.MonthReconciler.Line;
import org.jingban.settlement.reconciliation.MonthReconciler.Record;

/**
 * Issue #18's second benchmark: 622036010001's monthly 对账 and 审核 of a generated detail file of 1 M and 10 M lines
 * (the institution's upload: 票据号码,证件号码,就诊类型,就诊日期,医疗费用总额,基金支付金额) against as many direct-settlement
 * records, with settlement-service's engine ({@link MonthReconciler}: both sides sorted on disk, merged). It prints,
 * per size, wall time, the JVM's CPU time, the peak heap and the figures of the result, so that a wrong answer shows.
 *
 * <p>What is planted, by line number (so the expected counts are known): every 100th line has no settlement (EXTRA),
 * every 100th + 1 a settlement with another total (MISMATCHED), every 200th + 2 repeats the invoice of the line before
 * (DUPLICATE), every 50th + 3 repeats the previous line's person, day, type and total under its own invoice
 * (duplicate-charge), every 250th + 4 is a 住院 visit the agreement does not cover (outside-agreement-scope); one
 * settlement in 200 is declared by no line (MISSING). The lines are written in a shuffled invoice order, as an
 * export might be. The audit's person lookup is a computed rule here (in the service: one read per person of its
 * read model, the last 10 000 kept) — this measures the engine, not the store.
 *
 * <p>Run: {@code ./mvnw -o -B -ntp -Pbenchmarks -pl benchmarks test-compile exec:exec -Dbench.lines=1000000,10000000}
 * ({@code -Dbench.heap=512m} by default: the target is 10 M lines in ≤ 120 s within 512 MB).
 */
public final class ReconciliationBenchmark {

    static final LocalDate MONTH_START = LocalDate.of(2026, 10, 1);

    public static void main(String[] args) throws IOException {
        List<Long> sizes = new ArrayList<>();
        for (String n : (args.length > 0 ? args[0] : "1000000,10000000").split(",")) {
            sizes.add(Long.parseLong(n.strip()));
        }
        Path dir = Files.createTempDirectory("jingban-reconciliation-bench");
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%n==== monthly reconciliation (MonthReconciler), max heap %d MB, %d cores ====%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors()));
        report.append(String.format(Locale.ROOT, "  %12s %10s %10s %12s %12s %10s %8s %10s %10s %10s %10s %10s %10s%n",
                "lines", "wall s", "CPU s", "CPU ms/1k", "peak heap", "runs", "matched", "extra", "mismatch", "dupl.",
                "missing", "refused", "deduct."));
        for (long n : sizes) {
            Path file = dir.resolve("details-" + n + ".csv");
            long generated = System.nanoTime();
            write(file, n);
            System.out.printf(Locale.ROOT, "generated %,d lines (%,d MB) in %.1f s%n", n, Files.size(file) >> 20,
                    (System.nanoTime() - generated) / 1e9);
            System.gc();
            resetPeaks();
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            MonthReconciler.Result r = new MonthReconciler(100_000, 1000).reconcile(read(file), records(n),
                    ReconciliationBenchmark::rules, () -> read(file));
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpuNanos() - cpu0) / 1e9;
            report.append(String.format(Locale.ROOT, "  %,12d %10.1f %10.1f %12.1f %9d MB %10d %8d %10d %10d %10d %10d %10d %10d%n",
                    n, wall, cpu, cpu * 1e6 / n, peakHeap() >> 20, r.sortRuns(), r.matched(), r.extra(), r.mismatched(),
                    r.duplicates(), r.missing(), r.refusedFen() / 100, r.deductions().size()));
            System.out.print(report);
            Files.deleteIfExists(file);
        }
        report.append("  (refused: yuan; deduct.: deductions reported, at most 1000; runs: run files of the two sorts)")
                .append(System.lineSeparator());
        System.out.println(report);
        EnrollmentInstantItemsSimulation.save("reconciliation", report.toString());
        Files.deleteIfExists(dir);
    }

    /** Line {@code no} (1-based) of the file as planted; its settlement is {@link #records}'. */
    static String invoice(long no) {
        return "FP" + Long.toString(scramble(no), 36).toUpperCase(Locale.ROOT);
    }

    /**
     * A bijection of the 40-bit numbers (an odd multiplier, then an xor-shift, both invertible modulo 2^40), so that
     * invoices are distinct and in no particular order relative to line numbers.
     */
    static long scramble(long no) {
        long mask = (1L << 40) - 1;
        long x = (no * 0x9E3779B97F4A7C15L) & mask;
        return (x ^ (x >>> 20)) | (1L << 40);
    }

    static String idNumber(long no) {
        return "62060219800101%04d".formatted(no % 10_000);
    }

    static long total(long no) {
        return 10_000 + (no % 997) * 100;
    }

    static void write(Path file, long n) throws IOException {
        // written in blocks of 10 000 lines, each block in shuffled order: an export in no invoice order
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("票据号码,证件号码,就诊类型,就诊日期,医疗费用总额,基金支付金额\n");
            for (long no = 1; no <= n; no++) {
                long source = no;
                String invoice = invoice(source);
                if (no % 200 == 2) {
                    invoice = invoice(no - 1);                    // DUPLICATE of the line before
                }
                long person = no;
                if (no % 50 == 3) {
                    person = no - 1;                              // the previous line's charge again
                }
                String type = no % 250 == 4 ? "住院" : "普通门诊";
                long total = total(person);
                LocalDate day = MONTH_START.plusDays(person % 28);
                out.write(invoice + "," + idNumber(person) + "," + type + "," + day + "," + money(total) + ","
                        + money(total / 4) + "\n");
            }
        }
    }

    static String money(long fen) {
        return fen / 100 + "." + "%02d".formatted(fen % 100);
    }

    /** The direct settlements of the month, as the store would stream them: one per line but the planted ones. */
    static Iterator<Record> records(long n) {
        return new Iterator<>() {
            long no = 1;
            long missing = 1;
            final long missingCount = n / 200;

            @Override
            public boolean hasNext() {
                return no <= n || missing <= missingCount;
            }

            @Override
            public Record next() {
                if (no > n) {
                    if (missing > missingCount) {
                        throw new NoSuchElementException();
                    }
                    long m = n + missing++;                       // settled, never declared: MISSING
                    return new Record("S" + m, invoice(m), idNumber(m), MONTH_START, "OUTPATIENT", total(m), total(m) / 4, false);
                }
                long line = no++;
                while (line % 100 == 0 || line % 200 == 2) {      // EXTRA (none) and DUPLICATE (the line before's)
                    if (no > n) {
                        return next();
                    }
                    line = no++;
                }
                long person = line % 50 == 3 ? line - 1 : line;
                long total = total(person) + (line % 100 == 1 ? 1 : 0);   // MISMATCHED total
                String type = line % 250 == 4 ? "INPATIENT" : "OUTPATIENT";
                return new Record("S" + line, invoice(line), idNumber(person), MONTH_START.plusDays(person % 28), type,
                        total, total(person) / 4, false);
            }
        };
    }

    /** The agreement covers 门诊 only: an 住院 line is outside its scope. */
    static List<String[]> rules(Line line) {
        return "INPATIENT".equals(line.visitType())
                ? List.<String[]>of(new String[]{"outside-agreement-scope", "医保协议范围不含住院"}) : List.of();
    }

    /** The file's lines, parsed (the header skipped). */
    static Iterator<Line> read(Path file) {
        try {
            BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            in.readLine();
            return new Iterator<>() {
                String next = in.readLine();
                long no = 1;

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Line next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    String[] c = next.split(",", -1);
                    Line line = new Line(no++, c[0], c[1], "住院".equals(c[2]) ? "INPATIENT" : "OUTPATIENT",
                            LocalDate.parse(c[3]), fen(c[4]), fen(c[5]));
                    try {
                        next = in.readLine();
                        if (next == null) {
                            in.close();
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return line;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long fen(String yuan) {
        int dot = yuan.indexOf('.');
        return Long.parseLong(yuan.substring(0, dot)) * 100 + Long.parseLong(yuan.substring(dot + 1));
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
