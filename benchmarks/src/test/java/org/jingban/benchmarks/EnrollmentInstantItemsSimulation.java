package org.jingban.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Issue #4 "Speed": enrollment-service's instant items (即时办结) through the gateway (8080) and against the service
 * directly (8081) in the same run, one target after the other, each at the same open-model arrival rate.
 *
 * <p>One virtual user is one new resident of Songpan (513224) served at a window: a clerk of 513224 (one of a pool of
 * clerk tokens fetched in {@link #before()}, round robin; each clerk has their own rate-limit bucket at the gateway,
 * 10/s, and gets far less than that) does
 * <ol>
 *   <li>622036001003 城乡居民参保登记 (表3) — {@code POST /api/v1/enrollment/residents} → 201 办结;</li>
 *   <li>参保人员电话号码新增和更改 (松潘 local item, 即办件) — {@code POST /api/v1/enrollment/persons/phone} → 201;</li>
 *   <li>622036002002 参保人员参保信息查询 — {@code POST /api/v1/enrollment/persons/lookup {证件号码}} → 200 (audited).</li>
 * </ol>
 * Clerks rather than the residents themselves because the dev issuer is rate-limited like any anonymous call (10
 * tokens/s): a token per resident would take half an hour to fetch for one run.
 * Phases: a warm-up through the gateway (ramp to the rate), then each target for {@code bench.seconds}.
 *
 * <p>Properties: {@code bench.rate} (requests/s per target, default 40), {@code bench.seconds} (per target, 40),
 * {@code bench.warmup} (seconds, 20), {@code bench.order} ({@code gateway,direct}), {@code bench.connections}
 * (connections per host, 64). Not a test: it prints figures and asserts nothing.
 */
public class EnrollmentInstantItemsSimulation extends Simulation {

    static final String REGION = "513224";   // 松潘: the only pool where the phone item is offered
    static final int REQUESTS_PER_USER = 3;

    final int rate = Stack.intProperty("bench.rate", 40);   // the issue asks 500: see docs/benchmarks.md
    final int seconds = Stack.intProperty("bench.seconds", 40);
    final int warmup = Stack.intProperty("bench.warmup", 20);
    final List<String> order = List.of(Stack.property("bench.order", "gateway,direct").split(","));
    final int connections = Stack.intProperty("bench.connections", 64);

    final double usersPerSecond = (double) rate / REQUESTS_PER_USER;
    final Latencies latencies = new Latencies();
    final CpuSampler cpu = new CpuSampler();
    final List<String> clerks = new ArrayList<>();
    final java.util.concurrent.atomic.AtomicLong users = new java.util.concurrent.atomic.AtomicLong();
    final Identities identities = new Identities();

    {
        HttpProtocolBuilder gateway = protocol(Stack.GATEWAY);
        HttpProtocolBuilder direct = protocol(Stack.ENROLLMENT);
        PopulationBuilder chain = scenario("warmup", "warmup")
                .injectOpen(rampUsersPerSec(usersPerSecond / 10).to(usersPerSecond).during(warmup)).protocols(gateway);
        for (String target : order) {
            chain = chain.andThen(scenario(target, target)
                    .injectOpen(constantUsersPerSec(usersPerSecond).during(seconds))
                    .protocols("gateway".equals(target) ? gateway : direct));
        }
        setUp(chain);
    }

    private HttpProtocolBuilder protocol(String baseUrl) {
        return http.baseUrl(baseUrl).shareConnections().maxConnectionsPerHost(connections)
                .acceptHeader("application/json").contentTypeHeader("application/json").disableCaching();
    }

    @Override
    public void before() {
        Stack.requireUp();
        int n = rate / 3 + 10;   // each clerk well under the gateway's 10 requests/s
        List<String> requests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            requests.add(Stack.staffTokenRequest("CLERK", "bench-clerk-%03d".formatted(i), REGION));
        }
        long started = System.nanoTime();
        clerks.addAll(Stack.tokens(requests, 4));
        System.out.printf(Locale.ROOT, "%d clerk tokens fetched in %.1f s; %d req/s per target (%.1f new residents/s), "
                        + "%d s warm-up, %d s per target, order %s%n", n, (System.nanoTime() - started) / 1e9, rate,
                usersPerSecond, warmup, seconds, order);
    }

    private Map<String, Object> newResident() {
        Identities.Identity p = identities.next();
        Map<String, Object> user = new HashMap<>();
        user.put("idNumber", p.idNumber());
        user.put("birthDate", p.birthDate().toString());
        user.put("token", clerks.get((int) (users.getAndIncrement() % clerks.size())));
        user.put("phone", Identities.mobile());
        user.put("newPhone", Identities.mobile());
        return user;
    }

    private ScenarioBuilder scenario(String name, String target) {
        Iterator<Map<String, Object>> feeder = Stack.endless(this::newResident);   // identities and clerks are thread-safe
        return io.gatling.javaapi.core.CoreDsl.scenario(name)
                .exec(session -> {
                    cpu.markOnce(name);
                    return session;
                })
                .feed(feeder)
                .exec(timed(target, "622036001003 城乡居民参保登记", 201,
                        http(target + " 622036001003 城乡居民参保登记").post("/api/v1/enrollment/residents")
                                .body(StringBody(EnrollmentInstantItemsSimulation::residentForm))))
                .exec(timed(target, "local:songpan 电话号码新增和更改", 201,
                        http(target + " local:songpan 电话号码新增和更改").post("/api/v1/enrollment/persons/phone")
                                .body(StringBody(EnrollmentInstantItemsSimulation::phoneForm))))
                .exec(timed(target, "622036002002 参保人员参保信息查询", 200,
                        http(target + " 622036002002 参保人员参保信息查询").post("/api/v1/enrollment/persons/lookup")
                                .body(StringBody("{\"证件号码\":\"#{idNumber}\"}"))));
    }

    /** The request with its bearer token, timed around Gatling's exchange and recorded OK when the status is expected. */
    private ChainBuilder timed(String target, String name, int expected, HttpRequestActionBuilder request) {
        return exec(session -> session.remove("status").set("t0", System.nanoTime()))
                .exec(request.header("Authorization", "Bearer #{token}")
                        .check(status().saveAs("status"), status().is(expected)))
                .exec(session -> {
                    long end = System.nanoTime();
                    Integer status = session.contains("status") ? session.getInt("status") : null;
                    latencies.record(target, name, session.getLong("t0"), end, status != null && status == expected);
                    return session;
                });
    }

    private static String idDocument(Session s) {
        return "{\"证件类型\":\"居民身份证\",\"证件号码\":\"" + s.getString("idNumber") + "\"}";
    }

    static String residentForm(Session s) {
        return residentForm(s.getString("idNumber"), s.getString("birthDate"), s.getString("phone"));
    }

    /** 表3 of a made-up adult of 松潘 at a clerk's window. */
    static String residentForm(String idNumber, String birthDate, String phone) {
        return "{\"姓名\":\"压测居民\",\"证件类型及号码\":{\"证件类型\":\"居民身份证\",\"证件号码\":\"" + idNumber
                + "\"},\"出生日期\":\"" + birthDate
                + "\",\"联系电话\":\"" + phone + "\",\"户籍地址\":\"四川省阿坝藏族羌族自治州松潘县进安镇\","
                + "\"申请人身份\":\"无业成年人\",\"参保地区\":\"" + REGION + "\","
                + "\"申请材料\":[\"有效身份证件\",\"《城乡居民基本医疗保险参保登记表》\"]}";
    }

    static String phoneForm(Session s) {
        return "{\"证件类型及号码\":" + idDocument(s) + ",\"联系电话\":\"" + s.getString("newPhone")
                + "\",\"申请材料\":[\"医保电子凭证或有效身份证件或社保卡\"]}";
    }

    @Override
    public void after() {
        cpu.mark("end");
        String report = GatewayVersusDirect.runReport(cpu, latencies, order, "enrollment instant items: " + rate
                + " req/s offered per target, " + seconds + " s each (latency in ms, measured around each exchange)", rate);
        System.out.println(report);
        save("enrollment-instant-items", report);
    }

    static void save(String name, String report) {
        try {
            // benchmarks/target/bench-results, whatever the forked JVM's working directory
            Path classes = Path.of(EnrollmentInstantItemsSimulation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = classes.getParent().resolve("bench-results");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".txt");
            Files.writeString(file, report);
            System.out.println("Figures saved in " + file.toAbsolutePath());
        } catch (IOException | java.net.URISyntaxException e) {
            System.out.println("Could not save the figures: " + e);
        }
    }
}
