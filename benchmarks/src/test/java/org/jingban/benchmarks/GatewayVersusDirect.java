package org.jingban.benchmarks;

import java.util.Locale;
import java.util.Map;

/**
 * The two gateway figures of a run with a {@code gateway} and a {@code direct} phase: the gateway JVM's CPU per request,
 * and the throughput through the gateway as a share of direct. On this CPU-bound machine a stack's throughput at
 * saturation is the CPU it gets divided by its CPU per request, so the share is the stack's CPU per request direct
 * divided by through the gateway; the throughput measured at the offered rate is printed beside it with its latency
 * (at a rate both carry, both equal the offered rate).
 */
final class GatewayVersusDirect {

    private GatewayVersusDirect() {
    }

    /**
     * A run's whole report, after its end mark: latencies per target, CPU per phase and JVM, and the two gateway figures.
     *
     * @param order the measured targets in run order ({@code gateway}, {@code direct}), after a {@code warmup} phase
     */
    static String runReport(CpuSampler cpu, Latencies latencies, java.util.List<String> order, String title, int rate) {
        Map<String, Integer> requests = new java.util.LinkedHashMap<>();
        requests.put("warmup", latencies.count("warmup"));
        for (String target : order) {
            requests.put(target, latencies.count(target));
        }
        return latencies.table(title) + System.lineSeparator() + cpu.table(requests)
                + report(cpu, latencies, requests, rate, 1.5);
    }

    /** The block to print, or "" when the run lacks one of the two phases. */
    static String report(CpuSampler cpu, Latencies latencies, Map<String, Integer> requests, int rate,
                         double gatewayTargetMillis) {
        if (!requests.containsKey("gateway") || !requests.containsKey("direct")) {
            return "";
        }
        Map<String, Double> viaGateway = cpu.millisPerRequest("gateway", requests.get("gateway"));
        Map<String, Double> direct = cpu.millisPerRequest("direct", requests.get("direct"));
        if (viaGateway.isEmpty() || direct.isEmpty()) {
            return "";
        }
        Latencies.Summary g = latencies.summary("gateway");
        Latencies.Summary d = latencies.summary("direct");
        double gatewayJvm = viaGateway.getOrDefault("gateway", Double.NaN);
        double ratio = direct.get(CpuSampler.STACK) / viaGateway.get(CpuSampler.STACK);
        return String.format(Locale.ROOT, """

                ==== gateway vs direct ====
                  gateway JVM CPU per request, gateway phase:   %.2f ms (target ≤ %.1f)
                  stack CPU per request: gateway %.2f ms, direct %.2f ms
                  gateway/direct throughput at CPU saturation:  %.2f (target ≥ 0.85)
                  measured at %d req/s offered: gateway %.1f req/s (p50 %.1f, p99 %.1f ms, %d KO), \
                direct %.1f req/s (p50 %.1f, p99 %.1f ms, %d KO)
                """, gatewayJvm, gatewayTargetMillis, viaGateway.get(CpuSampler.STACK), direct.get(CpuSampler.STACK),
                ratio, rate, g.perSecond(), g.p50(), g.p99(), g.failed(), d.perSecond(), d.p50(), d.p99(), d.failed());
    }
}
