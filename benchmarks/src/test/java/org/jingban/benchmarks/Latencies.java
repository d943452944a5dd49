package org.jingban.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Latency samples per target (e.g. "gateway", "direct") and request name, with the span of the target's
 * requests for throughput. Samples are kept whole (a run has at most a few hundred thousand): percentiles are
 * exact (nearest rank), not bucketed. Gatling's own report (target/gatling/…/index.html) shows the same
 * requests; this table exists to print both targets side by side at the end of one run.
 */
public final class Latencies {

    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    private final List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());

    private static final class Series {
        private long[] micros = new long[1024];
        private int count;
        private int failed;

        synchronized void add(long value, boolean ok) {
            if (count == micros.length) {
                micros = Arrays.copyOf(micros, count * 2);
            }
            micros[count++] = value;
            if (!ok) {
                failed++;
            }
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(micros, count);
            Arrays.sort(copy);
            return copy;
        }
    }

    private static final class Target {
        final Map<String, Series> requests = new ConcurrentHashMap<>();
        final List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        final Series all = new Series();
        long firstStart = Long.MAX_VALUE;
        long lastEnd = Long.MIN_VALUE;

        synchronized void span(long start, long end) {
            firstStart = Math.min(firstStart, start);
            lastEnd = Math.max(lastEnd, end);
        }
    }

    /** One request of {@code target} from {@code startNanos} to {@code endNanos} ({@link System#nanoTime()}). */
    public void record(String target, String request, long startNanos, long endNanos, boolean ok) {
        Target t = targets.computeIfAbsent(target, k -> {
            order.add(k);
            return new Target();
        });
        Series s = t.requests.computeIfAbsent(request, k -> {
            t.order.add(k);
            return new Series();
        });
        long micros = (endNanos - startNanos) / 1000;
        s.add(micros, ok);
        t.all.add(micros, ok);
        t.span(startNanos, endNanos);
    }

    /** A plain duration sample (no span), e.g. acceptance → 办结 of a transfer, in milliseconds. */
    public void recordMillis(String target, String request, double millis, boolean ok) {
        Target t = targets.computeIfAbsent(target, k -> {
            order.add(k);
            return new Target();
        });
        Series s = t.requests.computeIfAbsent(request, k -> {
            t.order.add(k);
            return new Series();
        });
        s.add(Math.round(millis * 1000), ok);
    }

    public int count(String target) {
        Target t = targets.get(target);
        return t == null ? 0 : t.all.count;
    }

    /** A target's throughput (requests/s over its span) and its latency percentiles (ms) over all its requests. */
    public record Summary(int count, int failed, double perSecond, double p50, double p99) {
    }

    public Summary summary(String target) {
        Target t = targets.get(target);
        if (t == null || t.all.count == 0) {
            return new Summary(0, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] v = t.all.sorted();
        double seconds = (t.lastEnd - t.firstStart) / 1e9;
        return new Summary(v.length, t.all.failed, seconds > 0 ? v.length / seconds : Double.NaN, percentile(v, 50),
                percentile(v, 99));
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1000.0;
    }

    private static String row(String name, Series s, String throughput) {
        long[] v = s.sorted();
        return String.format(Locale.ROOT, "  %-44s %8d %6d %9s %8.1f %8.1f %8.1f %8.1f %8.1f%n", name, v.length, s.failed,
                throughput, percentile(v, 50), percentile(v, 95), percentile(v, 99), percentile(v, 99.9),
                v.length == 0 ? Double.NaN : v[v.length - 1] / 1000.0);
    }

    /** The table: per target, every request and the target's total with its throughput (requests/s over its span). */
    public String table(String title) {
        StringBuilder b = new StringBuilder();
        b.append(System.lineSeparator()).append("==== ").append(title).append(" ====").append(System.lineSeparator());
        b.append(String.format(Locale.ROOT, "  %-44s %8s %6s %9s %8s %8s %8s %8s %8s%n", "request (ms)", "count", "KO",
                "req/s", "p50", "p95", "p99", "p99.9", "max"));
        for (String name : List.copyOf(order)) {
            Target t = targets.get(name);
            b.append(name).append(System.lineSeparator());
            for (String request : List.copyOf(t.order)) {
                b.append(row(request, t.requests.get(request), ""));
            }
            if (t.all.count > 0 && t.lastEnd > t.firstStart) {
                double seconds = (t.lastEnd - t.firstStart) / 1e9;
                b.append(row("all (" + String.format(Locale.ROOT, "%.1f s", seconds) + ")", t.all,
                        String.format(Locale.ROOT, "%.1f", t.all.count / seconds)));
            }
        }
        return b.toString();
    }
}
