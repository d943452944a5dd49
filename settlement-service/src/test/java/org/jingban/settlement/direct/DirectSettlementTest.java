package org.jingban.settlement.direct;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.jingban.designation.api.AgreementEvents;
import org.jingban.enrollment.api.AccountEvents;
import org.jingban.enrollment.api.EnrollmentTopics;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.enrollment.api.coverage.EnrollmentReadModel;
import org.jingban.platform.messaging.EventJson;
import org.jingban.platform.messaging.ReceivedEvent;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.security.test.TestTokens;
import org.jingban.platform.test.CloudEventRecord;
import org.jingban.platform.test.EventProbe;
import org.jingban.platform.test.Eventually;
import org.jingban.platform.test.JingbanInfrastructure;
import org.jingban.platform.test.TestEvents;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.jingban.settlement.FakeEnrollmentAccounts;
import org.jingban.settlement.Given;
import org.jingban.settlement.account.AccountBalances;
import org.jingban.settlement.account.EnrollmentAccounts;
import org.jingban.settlement.api.SettlementEvents;
import org.jingban.settlement.api.SettlementTopics;
import org.jingban.settlement.coverage.AgreementReadModel;
import org.jingban.settlement.coverage.EntitlementReadModel;
import org.jingban.offsitefiling.api.coverage.OffsiteFilingReadModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * 直接结算 on the real broker and store, with the calculator's EXAMPLE policy (platform/benefits ExamplePolicies, no
 * region's), the expected figures worked by hand in the comments. Other services are their events (Given); enrollment's
 * account API is {@link FakeEnrollmentAccounts} over HTTP (the real one: SettlementThroughGatewayTest).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jingban.settlement.enrollment.base-url=http://localhost:${local.server.port}",
        "jingban.settlement.enrollment.timeout=PT2S",
        "jingban.settlement.direct.sweep-interval=PT1H"})
@AutoConfigureWebTestClient(timeout = "PT30S")
@WithJingbanInfrastructure
@Import(FakeEnrollmentAccounts.class)
class DirectSettlementTest {

    static EventProbe events;

    @Autowired
    WebTestClient http;
    @Autowired
    EnrollmentReadModel persons;
    @Autowired
    AccountBalances balances;
    @Autowired
    AgreementReadModel agreements;
    @Autowired
    OffsiteFilingReadModel filings;
    @Autowired
    EntitlementReadModel entitlements;
    @Autowired
    FakeEnrollmentAccounts.Ledger ledger;
    @Autowired
    Accumulations accumulations;
    @Autowired
    DirectSettlements settlements;
    @Autowired
    org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;
    @Autowired
    EnrollmentAccounts accounts;

    @BeforeAll
    static void probe() {
        events = JingbanInfrastructure.get().probe(SettlementTopics.EVENTS);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    static String invoice() {
        return "WW" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    String hospital() {
        String code = Given.institutionCode(Given.LIANGZHOU);
        Given.agreement(agreements, Given.hospital(code, "ACTIVE"), AgreementEvents.SIGNED);
        return code;
    }

    /** An outpatient bill of 1000.00: 甲类 2 × 150.00, 乙类 500.00, 丙类 200.00. */
    static Map<String, Object> outpatient(String id, String invoice) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("invoiceNumber", invoice);
        r.put("idNumber", id);
        r.put("visitType", "OUTPATIENT");
        r.put("visitDate", LocalDate.now().toString());
        r.put("lines", List.of(line("XY001", "阿莫西林胶囊", "甲类", "2", "150.00", "300.00"),
                line("JC002", "彩色多普勒超声检查", "乙类", "1", "500.00", "500.00"),
                line("ZF003", "保健品", "丙类", "1", "200.00", "200.00")));
        return r;
    }

    static Map<String, Object> line(String code, String name, String category, String quantity, String price, String amount) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("code", code);
        l.put("name", name);
        l.put("category", category);
        l.put("quantity", quantity);
        l.put("unitPrice", price);
        l.put("amount", amount);
        return l;
    }

    WebTestClient.ResponseSpec post(String path, String institution, Object body) {
        return http.post().uri("/api/v1/settlement" + path).headers(h -> h.setBearerAuth(TestTokens.institution(institution)))
                .bodyValue(body).exchange();
    }

    JsonNode settle(String institution, Map<String, Object> bill, int status) {
        return post("/settlements", institution, bill).expectStatus().isEqualTo(status).expectBody(JsonNode.class)
                .returnResult().getResponseBody();
    }

    static String amount(JsonNode n, String field) {
        return n.get(field).asString();
    }

    @Test
    void a_settlement_pays_what_the_calculator_says_debits_the_account_once_and_publishes_settled() {
        String hospital = hospital();
        String id = Given.person(persons, "张三", Given.EMPLOYEE, Given.WUWEI);
        String account = "p-" + id;
        Given.balance(balances, id, Given.WUWEI, "500.00");
        ledger.balances.put(account, 50000L);
        Map<String, Object> bill = outpatient(id, invoice());

        // 职工, 二级, in Wuwei's pool, first visit of the year (EXAMPLE policy):
        // 丙类 200 excluded; 乙类 500 × 10% = 50 先行自付; eligible 300 + 450 = 750;
        // 门诊起付线 200 → (750 − 200) × 50% = 275.00 统筹基金; 大病: the year's share 475 < 15000 → 0;
        // 个人账户: eligible − fund 475 + 先行自付 50 = 525, up to the balance 500 → 500.00; 现金 1000 − 275 − 500 = 225.00
        JsonNode preview = post("/pre-settlements", hospital, bill).expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(amount(preview, "fund")).isEqualTo("275.00");
        assertThat(amount(preview, "personalAccount")).isEqualTo("500.00");
        assertThat(amount(preview, "status")).isEqualTo("PRE_SETTLEMENT");
        assertThat(accumulations.of(id, LocalDate.now().getYear()).block().version()).isZero();   // nothing counted
        assertThat(ledger.entries(account, "DEBIT")).isEmpty();                                    // nothing debited

        JsonNode receipt = settle(hospital, bill, 201);
        assertThat(amount(receipt, "total")).isEqualTo("1000.00");
        assertThat(amount(receipt, "eligible")).isEqualTo("750.00");
        assertThat(amount(receipt, "deductible")).isEqualTo("200.00");
        assertThat(amount(receipt, "fund")).isEqualTo("275.00");
        assertThat(amount(receipt, "criticalIllness")).isEqualTo("0.00");
        assertThat(amount(receipt, "assistance")).isEqualTo("0.00");
        assertThat(amount(receipt, "personalAccount")).isEqualTo("500.00");
        assertThat(amount(receipt, "cash")).isEqualTo("225.00");
        assertThat(amount(receipt, "status")).isEqualTo("SETTLED");
        assertThat(amount(receipt, "itemCode")).isEqualTo("local:wuwei:普通门诊");
        assertThat(amount(receipt, "idNumber")).doesNotContain(id.substring(6, 14));
        assertThat(receipt.get("lines").size()).isGreaterThan(3);
        String settlementId = amount(receipt, "settlementId");

        // the institution's retry (it lost the answer): the same settlement, no second debit
        JsonNode again = settle(hospital, bill, 200);
        assertThat(amount(again, "settlementId")).isEqualTo(settlementId);
        assertThat(ledger.entries(account, "DEBIT")).singleElement().satisfies(e -> {
            assertThat(e.fen()).isEqualTo(50000L);
            assertThat(e.key()).isEqualTo("settlement:" + settlementId);
        });
        // another bill under the same invoice number is refused
        Map<String, Object> other = new LinkedHashMap<>(bill);
        other.put("lines", List.of(line("XY001", "阿莫西林胶囊", "甲类", "1", "150.00", "150.00")));
        post("/settlements", hospital, other).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.violations[0].code").isEqualTo("invoice-already-settled");

        CloudEventRecord settled = events.awaitEvent(e -> SettlementEvents.SETTLED.equals(e.type())
                && settlementId.equals(e.subject()), Duration.ofSeconds(30));
        SettlementEvents.Settlement data = settled.data(SettlementEvents.Settlement.class);
        assertThat(data.invoiceNumber()).isEqualTo(bill.get("invoiceNumber"));
        assertThat(data.fund()).isEqualTo("275.00");
        assertThat(data.personalAccount()).isEqualTo("500.00");
        assertThat(data.visitType()).isEqualTo("OUTPATIENT");

        // the year's deductible is met: the same bill again, 750 × 50% = 375.00 from the fund. The known balance (500.00,
        // enrollment's events not yet seen here) offers the account 375 + 50 = 425.00, but the account has nothing left:
        // enrollment refuses, and that share is paid in cash: 1000 − 375 = 625.00
        JsonNode second = settle(hospital, outpatient(id, invoice()), 201);
        assertThat(amount(second, "fund")).isEqualTo("375.00");
        assertThat(amount(second, "personalAccount")).isEqualTo("0.00");
        assertThat(amount(second, "cash")).isEqualTo("625.00");
        assertThat(amount(second, "accountUse")).isEqualTo("CASH_REFUSED");
        assertThat(amount(second, "accountNote")).contains("余额不足");
    }

    @Test
    void a_pharmacy_settles_a_purchase_at_the_configured_level_and_never_an_inpatient_bill() {
        // a 定点零售药店 (P code, 药品零售): issue "settlement-service" — hospital and pharmacy systems call it for every visit
        String pharmacyCode = "P" + Given.LIANGZHOU + String.format("%05d", ThreadLocalRandom.current().nextInt(1, 99999));
        AgreementEvents.Agreement hospital = Given.hospital("x", "ACTIVE");
        Given.agreement(agreements, new AgreementEvents.Agreement("XY-" + pharmacyCode, pharmacyCode,
                TestIdentities.randomUnitCode(Given.WUWEI), "凉州区测试大药房", "RETAIL_PHARMACY", Given.WUWEI, Given.LIANGZHOU,
                null, List.of(AgreementEvents.RETAIL_DRUGS), List.of(), "ACTIVE", hospital.validFrom(), hospital.validUntil(),
                null, null, null, null, null), AgreementEvents.SIGNED);
        // and a 一级 hospital to compare with: the example pharmacy-level is 一级 (PRIMARY)
        String primary = Given.institutionCode(Given.LIANGZHOU);
        AgreementEvents.Agreement h = Given.hospital(primary, "ACTIVE");
        Given.agreement(agreements, new AgreementEvents.Agreement(h.agreementNumber(), primary, h.creditCode(), h.name(),
                h.kind(), h.regionCode(), h.divisionCode(), "一级", h.scope(), h.offsiteSettlement(), "ACTIVE", h.validFrom(),
                h.validUntil(), null, null, null, null, null), AgreementEvents.SIGNED);
        String id = Given.person(persons, "赵六", Given.EMPLOYEE, Given.WUWEI);

        JsonNode atPharmacy = post("/pre-settlements", pharmacyCode, outpatient(id, invoice()))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode atPrimary = post("/pre-settlements", primary, outpatient(id, invoice()))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(amount(atPharmacy, "fund")).isEqualTo(amount(atPrimary, "fund"));
        assertThat(new java.math.BigDecimal(amount(atPharmacy, "fund"))).isPositive();

        JsonNode settled = settle(pharmacyCode, outpatient(id, invoice()), 201);
        assertThat(amount(settled, "fund")).isEqualTo(amount(atPharmacy, "fund"));

        Map<String, Object> inpatient = outpatient(id, invoice());
        inpatient.put("visitType", "INPATIENT");
        inpatient.put("admissionDate", LocalDate.now().minusDays(3).toString());
        post("/settlements", pharmacyCode, inpatient).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.violations[*].code").value(codes -> assertThat(codes.toString())
                        .contains("pharmacy-inpatient"));
    }

    @Test
    void coverage_is_read_on_the_visit_day_from_the_periods_not_from_the_status_now() {
        // issue "settlement-service": "coverage active on the visit date" — a 职工 whose coverage ended last month
        String hospital = hospital();
        String id = TestIdentities.randomIdNumber(1980);
        java.time.YearMonth lastMonth = java.time.YearMonth.now().minusMonths(1);
        PersonEvents.InsuranceView ended = new PersonEvents.InsuranceView(Given.EMPLOYEE, Given.WUWEI, null, null, "在职职工",
                "TERMINATED", "终止参保", List.of(new PersonEvents.Period("2020-01", lastMonth.toString(), Given.WUWEI, null,
                "在职职工", PersonEvents.Period.LOCAL)), 12);
        TestEvents.publish(EnrollmentTopics.EVENTS, "/jingban/enrollment", PersonEvents.CHANGED, "p-" + id,
                new PersonEvents.Person("p-" + id, id, "孙七", "终止", Given.WUWEI, List.of(ended), null));
        Eventually.until(Duration.ofSeconds(20), () -> persons.byIdNumber(id).block());

        // a visit in the last covered month is settled
        Map<String, Object> covered = outpatient(id, invoice());
        covered.put("visitDate", lastMonth.atDay(15).toString());
        settle(hospital, covered, 201);

        // a visit today is refused: no 参保缴费期间 holds it
        post("/settlements", hospital, outpatient(id, invoice())).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.violations[0].code").isEqualTo("coverage-not-active");
    }

    @Test
    void a_reversal_restores_the_year_credits_the_account_back_and_publishes_reversed_once() {
        String hospital = hospital();
        String id = Given.person(persons, "李四", Given.EMPLOYEE, Given.WUWEI);
        String account = "p-" + id;
        Given.balance(balances, id, Given.WUWEI, "800.00");
        ledger.balances.put(account, 80000L);
        JsonNode receipt = settle(hospital, outpatient(id, invoice()), 201);
        // as above, with 800.00 known: the account pays all 525.00 it is offered; cash 1000 − 275 − 525 = 200.00
        assertThat(amount(receipt, "personalAccount")).isEqualTo("525.00");
        assertThat(amount(receipt, "cash")).isEqualTo("200.00");
        String settlementId = amount(receipt, "settlementId");
        int year = LocalDate.now().getYear();
        assertThat(accumulations.of(id, year).block().sums().deductiblePaid()).isEqualTo(20000L);

        JsonNode reversed = post("/settlements/" + settlementId + "/reversal", hospital, Map.of("reason", "患者退费"))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(amount(reversed, "status")).isEqualTo("REVERSED");
        Usage after = accumulations.of(id, year).block().sums();
        assertThat(after).isEqualTo(Usage.ZERO);
        assertThat(ledger.entries(account, "REVERSAL")).singleElement().satisfies(e -> assertThat(e.fen()).isEqualTo(52500L));
        assertThat(ledger.balances.get(account)).isEqualTo(80000L);
        // again: the same answer, nothing twice
        post("/settlements/" + settlementId + "/reversal", hospital, Map.of()).expectStatus().isOk();
        assertThat(ledger.entries(account, "REVERSAL")).hasSize(1);
        events.awaitEvent(e -> SettlementEvents.REVERSED.equals(e.type()) && settlementId.equals(e.subject()),
                Duration.ofSeconds(30));
        // another institution does not see it
        post("/settlements/" + settlementId + "/reversal", Given.institutionCode(Given.LIANGZHOU), Map.of())
                .expectStatus().isNotFound();
        // the deductible is the person's again: a new bill pays 275.00 as the first of the year
        assertThat(amount(settle(hospital, outpatient(id, invoice()), 201), "fund")).isEqualTo("275.00");
    }

    @Test
    void concurrent_visits_of_one_person_count_the_year_once_and_one_bill_sent_ten_times_is_debited_once() throws Exception {
        String hospital = hospital();
        // 城乡居民 (no account), five bills of 1000.00 at once. EXAMPLE resident policy: 普通门诊 起付线 100 a year, 50%,
        // 年度限额 800. Whatever the order: one visit bears the deductible (750 − 100) × 50% = 325, the next 375, the next
        // is cut to what is left of 800 (100), the last two get 0 → 800.00 in all, 100.00 deductible.
        String resident = Given.person(persons, "王五", Given.RESIDENT, Given.WUWEI);
        List<Callable<JsonNode>> visits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> bill = outpatient(resident, invoice());
            visits.add(() -> settle(hospital, bill, 201));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        long fund = 0;
        for (Future<JsonNode> f : pool.invokeAll(visits)) {
            fund += new java.math.BigDecimal(amount(f.get(), "fund")).movePointRight(2).longValueExact();
        }
        assertThat(fund).isEqualTo(80000L);
        Usage year = accumulations.of(resident, LocalDate.now().getYear()).block().sums();
        assertThat(year.deductiblePaid()).isEqualTo(10000L);
        assertThat(year.outpatientFundPaid()).isEqualTo(80000L);

        // one employee bill sent ten times at once (the institution's retries): one settlement, one debit
        String employee = Given.person(persons, "赵六", Given.EMPLOYEE, Given.WUWEI);
        Given.balance(balances, employee, Given.WUWEI, "1000.00");
        ledger.balances.put("p-" + employee, 100000L);
        Map<String, Object> bill = outpatient(employee, invoice());
        List<Callable<JsonNode>> tries = new ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 10; i++) {
            tries.add(() -> {
                var result = post("/settlements", hospital, bill).expectBody(JsonNode.class).returnResult();
                statuses.add(result.getStatus().value());
                return result.getResponseBody();
            });
        }
        List<String> ids = new ArrayList<>();
        for (Future<JsonNode> f : pool.invokeAll(tries)) {
            ids.add(amount(f.get(), "settlementId"));
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(9);
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(ledger.entries("p-" + employee, "DEBIT")).hasSize(1);
    }

    @Test
    void a_suspended_institution_an_unfiled_offsite_visit_and_a_missing_entitlement_are_refused_with_every_reason() {
        String code = Given.institutionCode(Given.LIANGZHOU);
        Given.agreement(agreements, Given.hospital(code, "SUSPENDED"), AgreementEvents.SUSPENDED);
        // insured in Lanzhou, treated in Wuwei (省内异地) without a filing, a 门诊慢特病 visit without an entitlement
        String id = Given.person(persons, "钱七", Given.EMPLOYEE, Given.LANZHOU);
        Map<String, Object> bill = outpatient(id, invoice());
        bill.put("visitType", "CHRONIC_OUTPATIENT");
        bill.put("diseaseCode", "MT001");
        JsonNode problem = post("/settlements", code, bill).expectStatus().isEqualTo(422).expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        List<String> codes = new ArrayList<>();
        problem.get("violations").forEach(v -> codes.add(v.get("code").asString()));
        assertThat(codes).containsExactlyInAnyOrder("institution-suspended", "offsite-unfiled", "not-entitled");
        assertThat(problem.get("detail").asString()).contains("共3项");
        post("/pre-settlements", code, bill).expectStatus().isEqualTo(422);

        // filed, entitled, at a hospital in good standing: settled as 异地已备案 门诊慢特病.
        // 门诊慢特病 (EXAMPLE 职工): no deductible, 70%; the bill's eligible 750 → 525.00 from the fund;
        // no balance known for the account → 个人账户 0; cash 1000 − 525 = 475.00
        String hospital = hospital();
        Given.filing(filings, id, Given.LANZHOU, Given.WUWEI);
        Given.entitlement(entitlements, id, Given.LANZHOU, "MT001", true, null);
        JsonNode receipt = settle(hospital, bill, 201);
        assertThat(amount(receipt, "place")).isEqualTo("FILED_OFFSITE");
        assertThat(amount(receipt, "visitType")).isEqualTo("CHRONIC_OUTPATIENT");
        assertThat(amount(receipt, "fund")).isEqualTo("525.00");
        assertThat(amount(receipt, "cash")).isEqualTo("475.00");
        assertThat(amount(receipt, "matter")).isEqualTo("医疗费用报销直接结算");

        // every problem of the bill itself at once (400), nothing looked up
        Map<String, Object> broken = outpatient(id, " ");
        broken.put("visitType", "DENTAL");
        broken.put("visitDate", LocalDate.now().plusDays(1).toString());
        broken.put("lines", List.of(line("X", "x", "丁类", "1", "1.00", "1.001")));
        JsonNode bad = post("/settlements", hospital, broken).expectStatus().isBadRequest().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        List<String> fields = new ArrayList<>();
        bad.get("violations").forEach(v -> fields.add(v.get("field").asString()));
        assertThat(fields).contains("invoiceNumber", "visitType", "visitDate", "lines[0].category", "lines[0].amount");
    }

    @Test
    void with_enrollment_down_the_account_share_is_paid_in_cash_and_a_debit_that_landed_anyway_is_given_back() {
        String hospital = hospital();
        String id = Given.person(persons, "孙八", Given.EMPLOYEE, Given.WUWEI);
        String account = "p-" + id;
        Given.balance(balances, id, Given.WUWEI, "500.00");
        ledger.balances.put(account, 50000L);
        ledger.down = true;
        try {
            JsonNode receipt = settle(hospital, outpatient(id, invoice()), 201);
            // the funds as always (275.00); the account's 500.00 is paid in cash: 1000 − 275 = 725.00
            assertThat(amount(receipt, "fund")).isEqualTo("275.00");
            assertThat(amount(receipt, "personalAccount")).isEqualTo("0.00");
            assertThat(amount(receipt, "cash")).isEqualTo("725.00");
            assertThat(amount(receipt, "accountUse")).isEqualTo("CASH_UNAVAILABLE");
            assertThat(amount(receipt, "accountNote")).contains("现金");
            String settlementId = amount(receipt, "settlementId");

            // the debit had landed after all (its answer was lost): enrollment's event shows it under the settlement's key
            ledger.down = false;
            accounts.breaker().reset();
            String entryId = UUID.randomUUID().toString();
            ledger.entries.add(new FakeEnrollmentAccounts.Entry(entryId, account, "DEBIT", 50000L, "settlement:" + settlementId, null));
            TestEvents.publish(EnrollmentTopics.EVENTS, "/jingban/enrollment", AccountEvents.DEBITED, account,
                    new AccountEvents.Posted(account, account, Given.WUWEI, entryId, 2, "DEBIT", "-500.00", "0.00",
                            "settlement:" + settlementId, "inv", null, Instant.now()));
            Eventually.until(Duration.ofSeconds(30), () -> entryId.equals(settlements.find(settlementId,
                    caller(hospital)).block().getObservedDebitEntryId()) ? true : null);
            settlements.sweep(Duration.ZERO).block();
            assertThat(ledger.entries(account, "REVERSAL")).singleElement()
                    .satisfies(e -> assertThat(e.reversalOf()).isEqualTo(entryId));
            settlements.sweep(Duration.ZERO).block();
            assertThat(ledger.entries(account, "REVERSAL")).hasSize(1);
        } finally {
            ledger.down = false;
            accounts.breaker().reset();
        }
    }

    @Test
    void a_settlement_without_an_account_share_left_unsettled_after_its_year_was_counted_is_settled_once_by_the_sweep() {
        // a resident's bill: nothing for an account, so the year is counted and the settlement is SETTLED in one write;
        // a crash between the two leaves it CALCULATED with the year already holding it
        String hospital = hospital();
        String id = Given.person(persons, "郑九", Given.RESIDENT, Given.WUWEI);
        String settlementId = amount(settle(hospital, outpatient(id, invoice()), 201), "settlementId");
        Settlement settled = settlements.find(settlementId, caller(hospital)).block();
        Accumulations.Year year = accumulations.of(id, settled.getPolicyYear()).block();
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(settlementId)),
                new org.springframework.data.mongodb.core.query.Update().set("status", "CALCULATED"), Settlement.class).block();

        settlements.sweep(Duration.ZERO).block();

        assertThat(settlements.find(settlementId, caller(hospital)).block().getStatus()).isEqualTo(Settlement.Status.SETTLED);
        Accumulations.Year after = accumulations.of(id, settled.getPolicyYear()).block();
        assertThat(after.version()).isEqualTo(year.version());          // not counted a second time
        assertThat(after.sums()).isEqualTo(year.sums());
    }

    private static ReceivedEvent changed(String idNumber, String status, Instant at) {
        PersonEvents.Person person = new PersonEvents.Person("p-" + idNumber, idNumber, "次序人", "变更", "620600",
                List.of(new PersonEvents.InsuranceView("城乡居民基本医疗保险", "620600", null, null, "城乡居民", status,
                        status, List.of(), 0)), null);
        return new ReceivedEvent(UUID.randomUUID().toString(), "/jingban/enrollment", PersonEvents.CHANGED, idNumber,
                "620600", at, EventJson.write(person));
    }

    private String status(String idNumber) {
        return persons.byIdNumber(idNumber).block().coverages().get(0).status();
    }

    /** The person read model in one write per event (the one settlement-service keeps, enrollment-service-api). */
    @Test
    void a_newer_person_event_replaces_the_person_and_an_older_one_arriving_late_does_not() {
        String id = TestIdentities.randomIdNumber(1976);
        Instant t0 = Instant.parse("2026-11-30T01:00:00Z");

        persons.apply(changed(id, "ACTIVE", t0)).block();           // first known: inserted
        assertThat(status(id)).isEqualTo("ACTIVE");

        persons.apply(changed(id, "SUSPENDED", t0.plusSeconds(60))).block();   // newer: replaces
        assertThat(status(id)).isEqualTo("SUSPENDED");

        persons.apply(changed(id, "ACTIVE", t0.plusSeconds(30))).block();      // older, late: changes nothing
        assertThat(status(id)).isEqualTo("SUSPENDED");
        assertThat(persons.byIdNumber(id).block().updatedAt()).isEqualTo(t0.plusSeconds(60));

        persons.apply(changed(id, "SUSPENDED", t0.plusSeconds(60))).block();   // a redelivery: the same picture
        assertThat(status(id)).isEqualTo("SUSPENDED");
    }

    static org.jingban.platform.security.Caller caller(String institution) {
        return new org.jingban.platform.security.Caller("inst", null, java.util.Set.of(org.jingban.platform.security.Role.INSTITUTION),
                java.util.Set.of(), null, null, institution, java.util.Set.of(), null);
    }

    @Test
    void a_manual_reimbursement_paid_this_year_counts_in_the_year_a_settlement_starts_from() {
        String hospital = hospital();
        String id = Given.person(persons, "吴九", Given.EMPLOYEE, Given.WUWEI);
        int year = LocalDate.now().getYear();
        // reimbursement-service paid a manual claim that met the year's 门诊起付线 (200) and 275 of the outpatient pool
        org.jingban.platform.benefits.YearToDate used = new org.jingban.platform.benefits.YearToDate(
                org.jingban.platform.money.Money.parse("200.00"), org.jingban.platform.money.Money.parse("275.00"),
                org.jingban.platform.money.Money.parse("275.00"), org.jingban.platform.money.Money.ZERO,
                org.jingban.platform.money.Money.ZERO, org.jingban.platform.money.Money.ZERO,
                org.jingban.platform.money.Money.parse("475.00"));
        String orderId = "manual-" + System.nanoTime();
        org.jingban.platform.test.TestEvents.publish(org.jingban.reimbursement.api.ReimbursementTopics.EVENTS,
                "/jingban/reimbursement", org.jingban.reimbursement.api.PaymentEvents.ORDERED, orderId,
                new org.jingban.reimbursement.api.PaymentEvents.Payment(orderId, "620600-20261129-000001", "622036006001", id,
                        Given.WUWEI, year, "275.00", "275.00", "0.00", "0.00", "0128", List.of("MANUAL1"), "ORDERED", used));
        org.jingban.platform.test.Eventually.until(java.time.Duration.ofSeconds(30),
                () -> accumulations.of(id, year).block().version() > 0 ? true : null);
        // the deductible is met already: the same 1000.00 bill pays (750 − 0) × 50% = 375.00 from the fund
        JsonNode preview = post("/pre-settlements", hospital, outpatient(id, invoice())).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(amount(preview, "deductible")).isEqualTo("0.00");
        assertThat(amount(preview, "fund")).isEqualTo("375.00");
    }
}
