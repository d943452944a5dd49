package org.jingban.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.Session;
import org.jingban.platform.identifiers.Masking;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Issue #22: fills the local stack with {@code load.persons} new persons through the services, to see that the stack
 * still starts, fits in its memory and keeps everything once it holds a province's worth of data. Each person is one
 * 622036001003 城乡居民参保登记 (表3) of a made-up adult of 松潘 (513224) at a clerk's window — the cheapest item that
 * makes a person with their case (即时办结), the case's events on Kafka and, downstream, the notification-service's
 * notification. The identities are valid and distinct within a run (see {@link Identities}).
 *
 * <p>Not a measurement of speed (see {@link EnrollmentInstantItemsSimulation} for that): a closed model,
 * {@code load.concurrency} registrations in flight at any time, each virtual user registering
 * {@code load.persons / load.concurrency} persons one after the other. Progress every 10 s on the console.
 *
 * <p>Properties: {@code load.persons} (default 10 000), {@code load.concurrency} (8), {@code load.target}
 * ({@code direct}: enrollment-service on {@code bench.enrollment}, no gateway rate limit and less CPU; or
 * {@code gateway}). Any non-201 answer is counted and the first ones are printed with their problem body.
 */
public class PersonsLoader extends Simulation {

    static final String REGION = EnrollmentInstantItemsSimulation.REGION;
    static final String ITEM = "622036001003 城乡居民参保登记";

    final int persons = Stack.intProperty("load.persons", 10_000);
    final int concurrency = Math.max(1, Math.min(Stack.intProperty("load.concurrency", 8), persons));
    final String target = Stack.property("load.target", "direct");
    final Identities identities = new Identities();
    final Latencies latencies = new Latencies();
    final List<String> clerks = new ArrayList<>();
    final AtomicLong issued = new AtomicLong();
    final AtomicLong done = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final List<String> firstFailures = java.util.Collections.synchronizedList(new ArrayList<>());
    volatile long started;
    volatile long lastProgress;

    {
        if (!"direct".equals(target) && !"gateway".equals(target)) {
            throw new IllegalArgumentException("load.target must be direct or gateway, not " + target);
        }
        HttpProtocolBuilder protocol = http.baseUrl("gateway".equals(target) ? Stack.GATEWAY : Stack.ENROLLMENT)
                .shareConnections().maxConnectionsPerHost(concurrency)
                .acceptHeader("application/json").contentTypeHeader("application/json").disableCaching();
        int perUser = (persons + concurrency - 1) / concurrency;
        Iterator<Map<String, Object>> feeder = Stack.endless(() -> {
            Identities.Identity p = identities.next();
            Map<String, Object> person = new HashMap<>();
            person.put("idNumber", p.idNumber());
            person.put("birthDate", p.birthDate().toString());
            person.put("phone", Identities.mobile());
            person.put("token", clerks.get((int) (issued.get() % clerks.size())));
            return person;
        });
        setUp(io.gatling.javaapi.core.CoreDsl.scenario("load")
                .exec(repeat(perUser).on(
                        exec(session -> session.set("go", issued.getAndIncrement() < persons))
                                .doIf("#{go}").then(
                                        feed(feeder)
                                                .exec(session -> session.remove("status").set("t0", System.nanoTime()))
                                                .exec(http(ITEM).post("/api/v1/enrollment/residents")
                                                        .header("Authorization", "Bearer #{token}")
                                                        .body(StringBody(EnrollmentInstantItemsSimulation::residentForm))
                                                        .check(status().saveAs("status"), status().is(201)))
                                                .exec(this::recorded))))
                .injectOpen(atOnceUsers(concurrency)).protocols(protocol));
    }

    private static io.gatling.javaapi.core.ChainBuilder feed(Iterator<Map<String, Object>> feeder) {
        return io.gatling.javaapi.core.CoreDsl.feed(feeder);
    }

    private Session recorded(Session session) {
        long end = System.nanoTime();
        boolean ok = session.contains("status") && session.getInt("status") == 201;
        latencies.record(target, ITEM, session.getLong("t0"), end, ok);
        long n = done.incrementAndGet();
        if (!ok) {
            failed.incrementAndGet();
            if (firstFailures.size() < 5) {
                firstFailures.add((session.contains("status") ? session.getInt("status") : "no answer") + " for "
                        + Masking.idNumber(session.getString("idNumber")));
            }
        }
        if (end - lastProgress > 10_000_000_000L || n == persons) {
            lastProgress = end;
            double seconds = (end - started) / 1e9;
            System.out.printf(Locale.ROOT, "已登记 %d / %d (%.0f %%), 失败 %d, %.1f 人/秒, 用时 %.0f 秒%n", n, persons,
                    100.0 * n / persons, failed.get(), n / seconds, seconds);
        }
        return session;
    }

    @Override
    public void before() {
        Stack.requireUp();
        // through the gateway each clerk may make 10 requests/s: enough clerks for the concurrency; direct, a few
        int n = "gateway".equals(target) ? concurrency * 4 : 4;
        List<String> requests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            requests.add(Stack.staffTokenRequest("CLERK", "load-clerk-%03d".formatted(i), REGION));
        }
        clerks.addAll(Stack.tokens(requests, 4));
        System.out.printf(Locale.ROOT, "登记 %d 人 (%s, %d 并发)%n", persons, target, concurrency);
        started = System.nanoTime();
        lastProgress = started;
    }

    @Override
    public void after() {
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("persons", done.get());
        summary.put("failed", failed.get());
        summary.put("seconds", Math.round(seconds));
        summary.put("persons/s", String.format(Locale.ROOT, "%.1f", done.get() / seconds));
        String report = latencies.table("load: " + persons + " persons, " + concurrency + " in flight, " + target)
                + System.lineSeparator() + "summary " + summary + System.lineSeparator()
                + (firstFailures.isEmpty() ? "" : "first failures: " + firstFailures + System.lineSeparator());
        System.out.println(report);
        EnrollmentInstantItemsSimulation.save("persons-loader", report);
    }
}
