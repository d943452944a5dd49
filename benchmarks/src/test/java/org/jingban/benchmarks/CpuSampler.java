package org.jingban.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the CPU goes during a phase (Linux only): snapshots of /proc — the machine's busy time and the CPU time
 * (user + system) of each JVM of the local stack, named after its module (the command line holds
 * {@code deploy/local/run/<module>/<module>.jar}; the infrastructure JVM, Kafka + the Mongo-wire store, runs
 * {@code deploy.jar}), and of this Gatling JVM. The difference of two snapshots divided by the requests of the
 * phase is the CPU cost of one request in each process.
 */
public final class CpuSampler {

    private static final Pattern MODULE = Pattern.compile("run/([a-z-]+)/\\1\\.jar");
    private static final long TICKS_PER_SECOND = 100;   // USER_HZ on Linux

    public record Snapshot(String label, long nanos, long machineBusy, long machineTotal, Map<String, Long> processTicks) {
    }

    private final List<Snapshot> marks = java.util.Collections.synchronizedList(new ArrayList<>());

    private final java.util.Set<String> marked = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public void mark(String label) {
        marks.add(snapshot(label));
    }

    /** Marks the start of a phase the first time it is called with the label (from a scenario's first step). */
    public void markOnce(String label) {
        if (marked.add(label)) {
            mark(label);
        }
    }

    public static Snapshot snapshot(String label) {
        long busy = 0;
        long total = 0;
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                long v = Long.parseLong(cpu[i]);
                total += v;
                if (i != 4 && i != 5) {   // idle, iowait
                    busy += v;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no machine figures
        }
        Map<String, Long> ticks = new TreeMap<>();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(p -> {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ');
                    String name = null;
                    Matcher m = MODULE.matcher(cmd);
                    if (Long.parseLong(p.getFileName().toString()) == self) {
                        name = "gatling (this JVM)";
                    } else if (cmd.contains("deploy/deploy.jar")) {
                        name = "infrastructure (Kafka + Mongo-wire store)";
                    } else if (m.find()) {
                        name = m.group(1);
                    }
                    if (name != null) {
                        String stat = Files.readString(p.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);   // utime, stime
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            });
        } catch (IOException e) {
            // no /proc
        }
        return new Snapshot(label, System.nanoTime(), busy, total, ticks);
    }

    /** The name under which {@link #millisPerRequest} gives the whole stack's figure (every process but Gatling). */
    public static final String STACK = "the stack (all but Gatling)";

    /**
     * CPU milliseconds per request of the phase that starts at the mark {@code phase}, per process and for
     * {@link #STACK}; empty when the phase has no end mark or no requests.
     */
    public Map<String, Double> millisPerRequest(String phase, int requests) {
        List<Snapshot> s = List.copyOf(marks);
        Map<String, Double> perRequest = new LinkedHashMap<>();
        for (int i = 0; i + 1 < s.size() && requests > 0; i++) {
            if (!s.get(i).label().equals(phase)) {
                continue;
            }
            double stack = 0;
            for (Map.Entry<String, Long> e : s.get(i + 1).processTicks().entrySet()) {
                long delta = e.getValue() - s.get(i).processTicks().getOrDefault(e.getKey(), e.getValue());
                double ms = 1000.0 * Math.max(0, delta) / TICKS_PER_SECOND / requests;
                perRequest.put(e.getKey(), ms);
                if (!e.getKey().startsWith("gatling")) {
                    stack += ms;
                }
            }
            perRequest.put(STACK, stack);
        }
        return perRequest;
    }

    /**
     * One block per phase (from one mark to the next): wall time, machine CPU busy (of all cores), and per
     * process the CPU seconds, cores used on average and CPU milliseconds per request.
     */
    public String table(Map<String, Integer> requestsPerPhase) {
        StringBuilder b = new StringBuilder();
        List<Snapshot> s = List.copyOf(marks);
        int cores = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i + 1 < s.size(); i++) {
            Snapshot from = s.get(i);
            Snapshot to = s.get(i + 1);
            double wall = (to.nanos() - from.nanos()) / 1e9;
            long total = to.machineTotal() - from.machineTotal();
            double busy = total == 0 ? Double.NaN : 100.0 * (to.machineBusy() - from.machineBusy()) / total;
            int requests = requestsPerPhase.getOrDefault(from.label(), 0);
            b.append(String.format(Locale.ROOT, "CPU during %s: %.1f s wall, machine %.0f%% busy (%d cores), %d requests%n",
                    from.label(), wall, busy, cores, requests));
            b.append(String.format(Locale.ROOT, "  %-44s %9s %7s %12s%n", "process", "CPU s", "cores", "CPU ms/req"));
            double stack = 0;
            Map<String, Long> all = new LinkedHashMap<>(to.processTicks());
            for (Map.Entry<String, Long> e : all.entrySet()) {
                long delta = e.getValue() - from.processTicks().getOrDefault(e.getKey(), e.getValue());
                if (delta <= 0) {
                    continue;
                }
                double cpu = (double) delta / TICKS_PER_SECOND;
                if (!e.getKey().startsWith("gatling")) {
                    stack += cpu;
                }
                b.append(String.format(Locale.ROOT, "  %-44s %9.1f %7.2f %12s%n", e.getKey(), cpu, cpu / wall,
                        requests == 0 ? "" : String.format(Locale.ROOT, "%.2f", cpu * 1000 / requests)));
            }
            b.append(String.format(Locale.ROOT, "  %-44s %9.1f %7.2f %12s%n", STACK, stack, stack / wall,
                    requests == 0 ? "" : String.format(Locale.ROOT, "%.2f", stack * 1000 / requests)));
        }
        return b.toString();
    }
}
