package org.jingban.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Issue #5 "Speed": the machine part of 622036003002 转移接续 — from 受理 (the one human step, done here by a
 * clerk's call the moment the application is in) through 联系函 → 信息表 and funds → 办结, all of it over Kafka
 * between transfer-service and enrollment-service on the real local stack.
 *
 * <p>Each virtual user is one transfer 武威 620600 → 兰州 620100 of a made-up 灵活就业人员, set up through
 * enrollment-service's API (8081) first: 职工参保登记 in 620600, a credit to the personal account (FINANCE),
 * 中止参保 (the transfer hook, system scope {@code enrollment:transfer}), 职工参保登记 in 620100; then the
 * application (表9) and 受理 at transfer-service (8082), then the case's progress is polled until 办结 (or 未通过).
 * The machine part is measured twice: by the client (受理 answered → first poll that sees the end; includes up
 * to one poll interval) and by the case's own history (受理 time → last step time; the server's clock).
 * Afterwards the person's account must hold exactly the credited amount in 620100.
 *
 * <p>Properties: {@code bench.transfers} (default 60), {@code bench.rate} (transfers started per second, 1),
 * {@code bench.poll} (ms between progress polls, 50), {@code bench.timeout} (s, 60).
 */
public class TransferMachinePartSimulation extends Simulation {

    static final String FROM = "620600";   // 武威
    static final String TO = "620100";     // 兰州
    static final String EMPLOYEE = "职工基本医疗保险";

    final int transfers = Stack.intProperty("bench.transfers", 60);
    final double rate = Double.parseDouble(Stack.property("bench.rate", "1"));
    final int poll = Stack.intProperty("bench.poll", 50);
    final int timeout = Stack.intProperty("bench.timeout", 60);

    final Latencies latencies = new Latencies();
    final CpuSampler cpu = new CpuSampler();
    final ObjectMapper json = new ObjectMapper();
    final Identities identities = new Identities();
    final List<Map<String, Object>> pool = new ArrayList<>();
    final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
    volatile String finance;
    volatile String system;
    volatile String clerk;

    {
        HttpProtocolBuilder protocol = http.shareConnections().maxConnectionsPerHost(32)
                .acceptHeader("application/json").contentTypeHeader("application/json").disableCaching();
        Iterator<Map<String, Object>> feeder = new Iterator<>() {
            private int next;

            @Override
            public synchronized boolean hasNext() {
                return next < pool.size();
            }

            @Override
            public synchronized Map<String, Object> next() {
                return pool.get(next++);
            }
        };
        setUp(io.gatling.javaapi.core.CoreDsl.scenario("transfer 620600 → 620100")
                .exec(session -> {
                    if (started.compareAndSet(false, true)) {
                        cpu.mark("transfers");
                    }
                    return session;
                })
                .feed(feeder)
                .exec(prepare())
                .doIf(session -> session.contains("caseNumber")).then(machinePart())
                .injectOpen(constantUsersPerSec(rate).during(Duration.ofMillis(Math.round(transfers / rate * 1000))))
                .protocols(protocol));
    }

    @Override
    public void before() {
        Stack.requireUp();
        finance = Stack.token(Stack.staffTokenRequest("FINANCE", "bench-finance", FROM));
        system = Stack.token(Stack.systemTokenRequest("bench-transfer-service", "enrollment:transfer"));
        clerk = Stack.token(Stack.staffTokenRequest("CLERK", "bench-clerk-lanzhou", TO));
        int n = (int) Math.ceil(transfers * 1.05) + 5;
        List<Identities.Identity> people = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Identities.Identity p = identities.next();
            people.add(p);
            requests.add(Stack.personTokenRequest(p.idNumber(), "bench-" + p.idNumber().substring(6, 17)));
        }
        List<String> tokens = Stack.tokens(requests, 8);
        for (int i = 0; i < n; i++) {
            Map<String, Object> user = new HashMap<>();
            user.put("idNumber", people.get(i).idNumber());
            user.put("token", tokens.get(i));
            user.put("amount", BigDecimal.valueOf(ThreadLocalRandom.current().nextInt(1, 1_000_000), 2).toPlainString());
            user.put("suspensionId", "bench-" + UUID.randomUUID());
            pool.add(user);
        }
        System.out.printf(Locale.ROOT, "%d transfers at %.1f/s, polling every %d ms%n", transfers, rate, poll);
    }

    private ChainBuilder timed(String target, String name, int expected, HttpRequestActionBuilder request) {
        return exec(session -> session.removeAll("status", "body").set("t0", System.nanoTime()))
                .exec(request.check(status().saveAs("status"), status().is(expected)))
                .exec(session -> {
                    long end = System.nanoTime();
                    boolean ok = session.contains("status") && session.getInt("status") == expected;
                    latencies.record(target, name, session.getLong("t0"), end, ok);
                    if (!ok && session.contains("body")) {
                        fail(name, session);
                    }
                    return session.set("lastEnd", end);
                });
    }

    private void fail(String step, Session session) {
        if (failures.size() < 20) {
            failures.add(step + " → " + session.get("status") + " " + abbreviate(session.getString("body")));
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }

    private static String flexibleWorker(Session s, String region) {
        return "{\"人员类别\":\"灵活就业人员\",\"参保险种\":\"" + EMPLOYEE + "\",\"参保地区\":\"" + region + "\","
                + "\"人员明细\":[{\"姓名\":\"转移压测\",\"证件类型及号码\":{\"证件类型\":\"居民身份证\",\"证件号码\":\""
                + s.getString("idNumber") + "\"},\"申报工资\":\"3000.00\",\"变更类别\":\"增加\",\"联系电话\":\"13909351234\"}],"
                + "\"申请材料\":[\"《职工基本医疗保险参保登记表》\",\"有效身份证件\"]}";
    }

    private static String transferForm(Session s) {
        return "{\"姓名\":\"转移压测\",\"证件类型及号码\":{\"证件类型\":\"居民身份证\",\"证件号码\":\"" + s.getString("idNumber")
                + "\"},\"联系电话\":\"13909351234\",\"基本医疗保险类型\":\"职工医保\",\"转出地机构地址\":\"武威市医疗保障事业服务中心\","
                + "\"转出地机构邮编\":\"733000\",\"转出地医保(行政)区划代码\":\"" + FROM + "\","
                + "\"转入地机构地址\":\"兰州市医疗保障事业服务中心\",\"转入地机构邮编\":\"730000\",\"转入地医保(行政)区划代码\":\"" + TO + "\","
                + "\"申请材料\":[\"医保电子凭证或有效身份证件或社保卡\",\"《参保凭证》（含电子《参保凭证》）\",\"《基本医疗保险关系转移接续申请表》\"]}";
    }

    /** 参保 in 620600 with a balance, 中止参保 there, 参保 in 620100, then 预检 until eligible and 表9 once. */
    private ChainBuilder prepare() {
        return exec(timed("setup", "622036001002 职工参保登记 620600", 201,
                http("setup enroll 620600").post(Stack.ENROLLMENT + "/api/v1/enrollment/employees")
                        .header("Authorization", "Bearer #{token}")
                        .body(StringBody(s -> flexibleWorker(s, FROM)))
                        .check(jmesPath("result[0].personId").optional().saveAs("personId"), bodyString().saveAs("body"))))
                .exec(timed("setup", "个人账户入账 (FINANCE)", 201,
                        http("setup credit").post(Stack.ENROLLMENT + "/api/v1/enrollment/accounts/#{personId}/credits")
                                .header("Authorization", s -> "Bearer " + finance)
                                .body(StringBody("{\"amount\":\"#{amount}\",\"idempotencyKey\":\"bench-credit-#{idNumber}\","
                                        + "\"reference\":\"压测\",\"remark\":\"压测入账\"}"))
                                .check(bodyString().saveAs("body"))))
                .exec(timed("setup", "中止参保 (transfer hook)", 200,
                        http("setup suspension").post(Stack.ENROLLMENT + "/internal/v1/enrollment/transfers/#{suspensionId}/suspension")
                                .header("Authorization", s -> "Bearer " + system)
                                .body(StringBody("{\"idNumber\":\"#{idNumber}\",\"insuranceType\":\"" + EMPLOYEE
                                        + "\",\"regionCode\":\"" + FROM + "\"}"))
                                .check(bodyString().saveAs("body"))))
                .exec(timed("setup", "622036001002 职工参保登记 620100", 201,
                        http("setup enroll 620100").post(Stack.ENROLLMENT + "/api/v1/enrollment/employees")
                                .header("Authorization", "Bearer #{token}")
                                .body(StringBody(s -> flexibleWorker(s, TO)))
                                .check(bodyString().saveAs("body"))))
                .exec(session -> session.set("prechecks", 0).set("eligible", false))
                // 预检 (nothing stored) until transfer-service's read model has the two enrollments and the 中止参保,
                // then one application: a refused application would be stored as a 不予受理 case and publish events
                .asLongAs(session -> !session.getBoolean("eligible") && session.getInt("prechecks") < 60).on(
                        exec(timed("setup", "622036003002 转移接续预检", 200, transferPost("setup precheck",
                                "/transfers/precheck").check(jmesPath("eligible").ofBoolean().saveAs("eligible"),
                                bodyString().saveAs("body"))))
                                .exec(session -> session.set("prechecks", session.getInt("prechecks") + 1)
                                        .set("eligible", session.contains("eligible") && session.getBoolean("eligible")))
                                .doIf(session -> !session.getBoolean("eligible")).then(pause(Duration.ofMillis(500))))
                .doIf(session -> session.getBoolean("eligible")).then(
                        exec(timed("setup", "622036003002 转移接续申请 (表9)", 202, transferPost("setup apply",
                                "/transfers").check(jmesPath("caseNumber").optional().saveAs("answeredCase"),
                                bodyString().saveAs("body"))))
                                .exec(session -> session.contains("status") && session.getInt("status") == 202
                                        ? session.set("caseNumber", session.getString("answeredCase")) : session))
                .exec(session -> {
                    count(session.contains("caseNumber") ? "applied after %02d prechecks".formatted(session.getInt("prechecks"))
                            : session.getBoolean("eligible") ? "eligible, but the application was refused"
                            : "never eligible (60 prechecks, 0.5 s apart)");
                    return session;
                });
    }

    /** The person's 表9 posted to transfer-service ({@code path} under {@code /api/v1/transfer}) with their token. */
    private static HttpRequestActionBuilder transferPost(String name, String path) {
        return http(name).post(Stack.TRANSFER + "/api/v1/transfer" + path).header("Authorization", "Bearer #{token}")
                .body(StringBody(TransferMachinePartSimulation::transferForm));
    }

    /** 受理 by a clerk of 620100, then polling the progress until the case ends. */
    private ChainBuilder machinePart() {
        return exec(timed("human", "受理 (CLERK 620100)", 200,
                http("accept").post(Stack.TRANSFER + "/api/v1/transfer/cases/#{caseNumber}/accept")
                        .header("Authorization", s -> "Bearer " + clerk)
                        .check(bodyString().saveAs("body"))))
                .exec(session -> session.set("accepted", session.getLong("lastEnd")).set("acceptBody", session.getString("body"))
                        .set("final", false))
                .asLongAs(session -> !session.getBoolean("final")
                        && System.nanoTime() - session.getLong("accepted") < timeout * 1_000_000_000L).on(
                        pause(Duration.ofMillis(poll))
                                .exec(http("progress").get(Stack.TRANSFER + "/api/v1/transfer/cases/#{caseNumber}")
                                        .header("Authorization", "Bearer #{token}")
                                        .check(status().is(200), jmesPath("status").saveAs("caseStatus"),
                                                bodyString().saveAs("body")))
                                .exec(session -> session.set("final", List.of("COMPLETED", "REFUSED", "WITHDRAWN", "REJECTED")
                                        .contains(session.getString("caseStatus")))))
                .exec(session -> {
                    long now = System.nanoTime();
                    String outcome = session.getBoolean("final") ? session.getString("caseStatus") : "TIMEOUT (" + timeout + " s)";
                    count("case " + outcome);
                    if ("COMPLETED".equals(outcome)) {
                        latencies.recordMillis("machine part", "受理 → 办结, client (poll " + poll + " ms)",
                                (now - session.getLong("accepted")) / 1e6, true);
                        Double server = serverMillis(session.getString("acceptBody"), session.getString("body"));
                        if (server != null) {
                            latencies.recordMillis("machine part", "受理 → 办结, case history (server)", server, true);
                        }
                        steps(session.getString("acceptBody"), session.getString("body"));
                    } else if (failures.size() < 20) {
                        failures.add("case " + session.getString("caseNumber") + " " + outcome + ": "
                                + abbreviate(session.getString("body")));
                    }
                    return session;
                })
                .doIf(session -> "COMPLETED".equals(session.getString("caseStatus"))).then(
                        exec(http("balance in 620100").get(Stack.ENROLLMENT + "/api/v1/enrollment/accounts/#{personId}")
                                .header("Authorization", "Bearer #{token}")
                                .check(status().is(200), jmesPath("balance").saveAs("balance"),
                                        jmesPath("regionCode").saveAs("accountRegion")))
                                .exec(session -> {
                                    boolean exact = session.contains("balance")
                                            && new BigDecimal(session.getString("balance")).compareTo(new BigDecimal(session.getString("amount"))) == 0
                                            && TO.equals(session.getString("accountRegion"));
                                    count(exact ? "balance arrived exactly in 620100" : "balance WRONG after 办结");
                                    return session;
                                }));
    }

    /** Last history step of the final progress minus the 受理 step's time (the last one in 受理's answer). */
    private Double serverMillis(String acceptBody, String finalBody) {
        try {
            JsonNode accepted = json.readTree(acceptBody).path("history");
            JsonNode done = json.readTree(finalBody).path("history");
            if (accepted.isEmpty() || done.isEmpty()) {
                return null;
            }
            Instant from = Instant.parse(accepted.get(accepted.size() - 1).path("time").asText());
            Instant to = Instant.parse(done.get(done.size() - 1).path("time").asText());
            return Duration.between(from, to).toNanos() / 1e6;
        } catch (Exception e) {
            return null;
        }
    }

    /** Each history step after 受理: the time since the step before it, named "stage · action (by)". */
    private void steps(String acceptBody, String finalBody) {
        try {
            int accepted = json.readTree(acceptBody).path("history").size();
            JsonNode done = json.readTree(finalBody).path("history");
            for (int i = Math.max(1, accepted); i < done.size(); i++) {
                JsonNode step = done.get(i);
                double millis = Duration.between(Instant.parse(done.get(i - 1).path("time").asText()),
                        Instant.parse(step.path("time").asText())).toNanos() / 1e6;
                latencies.recordMillis("steps after 受理 (server, since the step before)", "%02d %s · %s (%s)".formatted(i,
                        step.path("stage").asText(), step.path("action").asText(), step.path("by").asText()), millis, true);
            }
        } catch (Exception e) {
            // a body that is not a progress: nothing to break down
        }
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void after() {
        cpu.mark("end");
        StringBuilder b = new StringBuilder(latencies.table("transfer 620600 → 620100: " + transfers + " transfers at "
                + rate + "/s (ms)"));
        b.append(System.lineSeparator()).append("Outcomes:").append(System.lineSeparator());
        new java.util.TreeMap<>(outcomes).forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %-44s %6d%n", k, v.get())));
        if (!failures.isEmpty()) {
            b.append("First failures:").append(System.lineSeparator());
            failures.forEach(f -> b.append("  ").append(f).append(System.lineSeparator()));
        }
        Map<String, Integer> requests = new LinkedHashMap<>();
        requests.put("transfers", transfers);
        b.append(System.lineSeparator()).append(cpu.table(requests).replace("CPU ms/req", "CPU ms/transfer"));
        String report = b.toString();
        System.out.println(report);
        EnrollmentInstantItemsSimulation.save("transfer-machine-part", report);
    }
}
