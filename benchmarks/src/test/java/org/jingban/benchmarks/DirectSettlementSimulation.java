package org.jingban.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Issue #18's first benchmark: 直接结算 (the hot path a hospital calls for every visit), {@code POST
 * /api/v1/settlement/settlements}, at a fixed arrival rate through the gateway and against settlement-service directly,
 * in the same run, with the CPU per request of every JVM and the two gateway figures.
 *
 * <p>Set-up (before the measured phases, through the services' own APIs): one 二级 hospital of 松潘 (513224) imported as
 * an existing agreement (门诊), {@code bench.persons} residents registered there (城乡居民参保登记, so their settlements
 * have no personal-account share: no call to enrollment-service), and the wait until settlement-service's read models
 * know the hospital and the last person (a 预结算 answers). Each request is one new bill (a new invoice number) of a
 * random person among them: 普通门诊, one 甲类 line of 300.00. Settlements of one person are counted in their year under
 * concurrency, as in production.
 *
 * <p>Properties: {@code bench.rate} (settlements/s per target, default 40), {@code bench.seconds} (40),
 * {@code bench.warmup} (20), {@code bench.order} ({@code gateway,direct}), {@code bench.persons} (300),
 * {@code bench.connections} (64). The gateway limits each caller to 10 requests/s: the hospital's requests come with
 * {@code rate / 5 + 5} tokens of its staff (as its counters would). Not a test: it prints figures, asserts nothing.
 */
public class DirectSettlementSimulation extends Simulation {

    static final String REGION = "513224";
    static final String PATH = "/api/v1/settlement/settlements";

    final int rate = Stack.intProperty("bench.rate", 40);
    final int seconds = Stack.intProperty("bench.seconds", 40);
    final int warmup = Stack.intProperty("bench.warmup", 20);
    final int persons = Stack.intProperty("bench.persons", 300);
    final int connections = Stack.intProperty("bench.connections", 64);
    final List<String> order = List.of(Stack.property("bench.order", "gateway,direct").split(","));

    final String institution = "H" + REGION + ThreadLocalRandom.current().nextInt(10_000, 99_999);
    final String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    final List<String> idNumbers = new ArrayList<>();
    final List<String> tokens = new ArrayList<>();
    final AtomicLong invoices = new AtomicLong();
    final String invoicePrefix = "BENCH" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
    final Latencies latencies = new Latencies();
    final CpuSampler cpu = new CpuSampler();
    final Identities identities = new Identities();

    {
        PopulationBuilder chain = scenario("warmup", "warmup")
                .injectOpen(rampUsersPerSec(rate / 10.0).to(rate).during(warmup)).protocols(protocol(Stack.GATEWAY));
        for (String target : order) {
            chain = chain.andThen(scenario(target, target).injectOpen(constantUsersPerSec(rate).during(seconds))
                    .protocols(protocol("gateway".equals(target) ? Stack.GATEWAY : Stack.SETTLEMENT)));
        }
        setUp(chain);
    }

    private HttpProtocolBuilder protocol(String baseUrl) {
        return http.baseUrl(baseUrl).shareConnections().maxConnectionsPerHost(connections)
                .acceptHeader("application/json").contentTypeHeader("application/json").disableCaching();
    }

    private ScenarioBuilder scenario(String name, String target) {
        Iterator<Map<String, Object>> bills = Stack.endless(() -> {
            long n = invoices.incrementAndGet();
            Map<String, Object> bill = new HashMap<>();
            bill.put("invoice", invoicePrefix + "%09d".formatted(n));
            bill.put("idNumber", idNumbers.get(ThreadLocalRandom.current().nextInt(idNumbers.size())));
            bill.put("token", tokens.get((int) (n % tokens.size())));
            return bill;
        });
        return io.gatling.javaapi.core.CoreDsl.scenario(name)
                .exec(session -> {
                    cpu.markOnce(name);
                    return session;
                })
                .feed(bills)
                .exec(session -> session.remove("status").set("t0", System.nanoTime()))
                .exec(http(target + " 直接结算").post(PATH).header("Authorization", "Bearer #{token}")
                        .body(StringBody(this::bill)).check(status().saveAs("status"), status().is(201)))
                .exec(session -> {
                    Integer status = session.contains("status") ? session.getInt("status") : null;
                    latencies.record(target, "直接结算 (201)", session.getLong("t0"), System.nanoTime(),
                            status != null && status == 201);
                    return session;
                });
    }

    private String bill(Session s) {
        return bill(s.getString("invoice"), s.getString("idNumber"));
    }

    private String bill(String invoice, String idNumber) {
        return "{\"invoiceNumber\":\"" + invoice + "\",\"idNumber\":\"" + idNumber + "\",\"visitType\":\"OUTPATIENT\","
                + "\"visitDate\":\"" + today + "\",\"lines\":[{\"code\":\"XY001\",\"name\":\"阿莫西林胶囊\","
                + "\"category\":\"甲类\",\"quantity\":\"2\",\"unitPrice\":\"150.00\",\"amount\":\"300.00\"}]}";
    }

    @Override
    public void before() {
        Stack.requireUp(Stack.GATEWAY, Stack.ENROLLMENT, Stack.DESIGNATION, Stack.SETTLEMENT);
        long started = System.nanoTime();
        importAgreement();
        registerResidents();
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < rate / 5 + 5; i++) {
            requests.add("{\"role\":\"INSTITUTION\",\"subject\":\"bench-counter-%03d\",\"institution\":\"%s\",\"validMinutes\":240}"
                    .formatted(i, institution));
        }
        tokens.addAll(Stack.tokens(requests, 4));
        awaitKnown();
        System.out.printf(Locale.ROOT, "hospital %s, %d residents, %d counter tokens, set up in %.1f s; %d settlements/s per"
                        + " target, %d s warm-up, %d s per target, order %s%n", institution, idNumbers.size(), tokens.size(),
                (System.nanoTime() - started) / 1e9, rate, warmup, seconds, order);
    }

    private void importAgreement() {
        String ops = Stack.token(Stack.staffTokenRequest("OPS", "bench-ops", REGION));
        String uscc = Identities.uscc(REGION);
        String row = "{\"定点医药机构编码\":\"" + institution + "\",\"机构名称\":\"松潘县压测医院\",\"统一社会信用代码\":\"" + uscc
                + "\",\"协议编号\":\"SP-BENCH-" + institution + "\",\"协议开始日期\":\"" + LocalDate.parse(today).minusYears(1)
                + "\",\"协议截止日期\":\"" + LocalDate.parse(today).plusYears(2) + "\",\"协议范围\":[\"门诊\",\"住院\"],"
                + "\"医疗机构等级\":\"二级\",\"注册地址\":\"四川省阿坝州松潘县进安镇1号\",\"联系人姓名\":\"压测联系人\","
                + "\"联系人手机号\":\"13908371234\"}";
        HttpResponse<String> r = Stack.post(Stack.DESIGNATION + "/api/v1/designated-institutions/agreements/imports", ops,
                "{\"协议\":[" + row + "]}");
        if (r.statusCode() != 200 && r.statusCode() != 201) {
            throw new IllegalStateException("agreement import refused (" + r.statusCode() + "): " + r.body());
        }
    }

    private void registerResidents() {
        String clerk = Stack.token(Stack.staffTokenRequest("CLERK", "bench-settlement-clerk", REGION));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> done = new ArrayList<>();
            for (int i = 0; i < persons; i++) {
                Identities.Identity p = identities.next();
                String form = EnrollmentInstantItemsSimulation.residentForm(p.idNumber(), p.birthDate().toString(),
                        Identities.mobile());
                done.add(pool.submit(() -> {
                    HttpResponse<String> r = Stack.post(Stack.ENROLLMENT + "/api/v1/enrollment/residents", clerk, form);
                    if (r.statusCode() != 201) {
                        throw new IllegalStateException("registration refused (" + r.statusCode() + "): " + r.body());
                    }
                    return p.idNumber();
                }));
            }
            for (Future<String> f : done) {
                idNumbers.add(f.get());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Until a 预结算 of the last resident at the hospital answers: settlement-service knows both. */
    private void awaitKnown() {
        String last = idNumbers.get(idNumbers.size() - 1);
        long deadline = System.nanoTime() + 300_000_000_000L;
        HttpResponse<String> r = null;
        while (System.nanoTime() < deadline) {
            r = Stack.post(Stack.SETTLEMENT + "/api/v1/settlement/pre-settlements", tokens.get(0), bill("PRE", last));
            if (r.statusCode() == 200 || r.statusCode() == 201) {
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("settlement-service does not know the hospital or the residents after 5 min: "
                + (r == null ? "" : r.statusCode() + " " + r.body()));
    }

    @Override
    public void after() {
        cpu.mark("end");
        String report = GatewayVersusDirect.runReport(cpu, latencies, order, "direct settlement: " + rate
                + " settlements/s offered per target, " + seconds + " s each (latency in ms, measured around each exchange)",
                rate);
        System.out.println(report);
        EnrollmentInstantItemsSimulation.save("direct-settlement", report);
    }
}
