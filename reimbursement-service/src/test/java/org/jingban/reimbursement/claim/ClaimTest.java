package org.jingban.reimbursement.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.platform.cases.CaseEventData;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.security.test.TestTokens;
import org.jingban.platform.test.CloudEventRecord;
import org.jingban.platform.test.Eventually;
import org.jingban.platform.test.TestEvents;
import org.jingban.reimbursement.Insured;
import org.jingban.reimbursement.ReimbursementItemsTest;
import org.jingban.reimbursement.api.PaymentEvents;
import org.jingban.platform.payments.SimulatedBank;
import org.jingban.settlement.api.SettlementEvents;
import org.jingban.settlement.api.SettlementTopics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * 主项六 手工（零星）报销 on the real broker and store: the whole chain 申请—受理—审核—费用复核—拨付—办结 with the bank's
 * confirmation, an invoice reimbursed at most once (also by 20 concurrent applications), a bill settled directly not
 * claimable, every form problem at once with nothing stored, 大额医疗费用核查 above the threshold. The amounts are the
 * calculator's with its EXAMPLE policy (platform/benefits ExamplePolicies), worked by hand in the comments.
 */
class ClaimTest extends ReimbursementItemsTest {
    @Autowired
    SimulatedBank bank;
    @Autowired
    InvoiceRegister invoices;
    @Autowired
    org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

    static String invoice() {
        return "SP" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    /** An outpatient bill of 1000.00: 甲类 2 × 150.00, 乙类 500.00, 丙类 200.00, on one invoice. */
    Map<String, Object> outpatient(String id, String invoiceNumber, String region, String level) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("姓名", "张三");
        f.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        f.put("业务类型", "普通门诊");
        f.put("联系电话", "13800138000");
        f.put("银行账户信息(账号、开户行；非本人账户提供相关材料)", Map.of("账号", "6222021234567890128", "开户行", "中国工商银行松潘支行", "户名", "张三"));
        f.put("材料明细及数量", catalog.item("622036006001", SONGPAN).materials().stream()
                .filter(m -> m.condition() == null).map(m -> Map.of("材料名称", m.name(), "数量", 1)).toList());
        f.put("医疗机构名称", "松潘县人民医院");
        f.put("医疗机构等级", level);
        f.put("就医地", region);
        f.put("就诊日期", LocalDate.now().minusDays(3).toString());
        f.put("票据", List.of(Map.of("票据号码", invoiceNumber, "票据金额", "1000.00", "电子票据", true)));
        f.put("费用明细", List.of(
                line("XY001", "阿莫西林胶囊", "甲类", "2", "150.00", "300.00"),
                line("JC002", "彩色多普勒超声检查", "乙类", "1", "500.00", "500.00"),
                line("ZF003", "保健品", "丙类", "1", "200.00", "200.00")));
        return f;
    }

    static Map<String, Object> line(String code, String name, String category, String quantity, String price, String amount) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("项目编码", code);
        l.put("项目名称", name);
        l.put("类别", category);
        l.put("数量", quantity);
        l.put("单价", price);
        l.put("金额", amount);
        return l;
    }

    WebTestClient.ResponseSpec submit(String path, String id, Map<String, Object> form) {
        return http.post().uri("/api/v1/reimbursement/claims/" + path)
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id))).bodyValue(form).exchange();
    }

    JsonNode act(String caseNumber, String action, String token, Map<String, Object> body) {
        return http.post().uri("/api/v1/reimbursement/cases/{n}/" + action, caseNumber)
                .headers(h -> h.setBearerAuth(token)).bodyValue(body).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode progress(String caseNumber, String id) {
        return http.get().uri("/api/v1/reimbursement/cases/{n}", caseNumber)
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id))).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void an_outpatient_claim_goes_through_every_stage_and_is_paid_once_with_the_amount_in_the_message() {
        String id = Insured.person(readModel, "张三", InsuranceTypes.EMPLOYEE_INSURANCE, SONGPAN, "在职职工");
        JsonNode answer = submit("outpatient", id, outpatient(id, invoice(), SONGPAN, "二级"))
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        // 丙类 200 excluded; 乙类 500 × 10% = 50 先行自付; eligible 300 + 450 = 750;
        // 门诊起付线 200 (first visit of the year) → 750 − 200 = 550 × 50% = 275.00
        assertThat(answer.get("estimate").get("预计报销金额").asString()).isEqualTo("275.00");
        String number = answer.get("caseNumber").asString();
        String caseId = answer.get("caseId").asString();

        act(number, "accept", TestTokens.clerk("clerk-sp", SONGPAN), Map.of());
        act(number, "advance", TestTokens.reviewer("rv-sp", SONGPAN), Map.of("stage", "审核"));
        act(number, "advance", TestTokens.finance("fin-a", SONGPAN), Map.of("stage", "费用复核"));
        // 拨付 by another finance officer than 复核 (较高风险: separated duties)
        http.post().uri("/api/v1/reimbursement/cases/{n}/advance", number)
                .headers(h -> h.setBearerAuth(TestTokens.finance("fin-a", SONGPAN))).bodyValue(Map.of("stage", "拨付"))
                .exchange().expectStatus().isEqualTo(422);
        act(number, "advance", TestTokens.finance("fin-b", SONGPAN), Map.of("stage", "拨付"));

        Eventually.until(Duration.ofSeconds(30), () -> {
            JsonNode p = progress(number, id);
            return "COMPLETED".equals(p.get("status").asString()) ? p : null;
        });
        CloudEventRecord completed = events.awaitEvent(e -> CaseEvents.COMPLETED.equals(e.type())
                && caseId.equals(e.subject()), Duration.ofSeconds(30));
        assertThat(completed.data(CaseEventData.class).details()).containsEntry("amount", "275.00");
        events.awaitEvent(e -> PaymentEvents.CONFIRMED.equals(e.type()) && caseId.equals(e.subject()), Duration.ofSeconds(30));

        JsonNode payment = http.get().uri("/api/v1/reimbursement/claims/{id}/payment", caseId)
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id))).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(payment.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(payment.get("account").asString()).doesNotContain("6222021234567890128").endsWith("0128");
        assertThat(bank.books().count(Query.query(Criteria.where("_id").is(caseId)), SimulatedBank.BookedTransfer.class)
                .block()).isEqualTo(1);

        // the year's deductible is met: the same bill again pays 750 × 50% = 375.00
        JsonNode second = submit("outpatient", id, outpatient(id, invoice(), SONGPAN, "二级"))
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(second.get("estimate").get("预计报销金额").asString()).isEqualTo("375.00");
    }

    @Test
    void an_invoice_is_reimbursed_at_most_once_even_by_20_applications_at_the_same_moment() throws Exception {
        String id = Insured.person(readModel, "李四", InsuranceTypes.EMPLOYEE_INSURANCE, SONGPAN, "在职职工");
        String invoiceNumber = invoice();
        Map<String, Object> form = outpatient(id, invoiceNumber, SONGPAN, "一级");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<Integer>> tries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tries.add(() -> submit("outpatient", id, form).returnResult(String.class).getStatus().value());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(tries)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 202).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(19);
        // and later, by any channel: refused, naming the invoice
        http.post().uri("/api/v1/reimbursement/claims/outpatient")
                .headers(h -> h.setBearerAuth(TestTokens.clerk("clerk-sp", SONGPAN))).bodyValue(form).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.violations[0].field").isEqualTo("票据[0].票据号码")
                .jsonPath("$.violations[0].code").isEqualTo("invoice-in-claim");
    }

    @Test
    void a_bill_settled_directly_cannot_be_claimed_by_hand_until_its_settlement_is_reversed() {
        String id = Insured.person(readModel, "王五", InsuranceTypes.EMPLOYEE_INSURANCE, SONGPAN, "在职职工");
        String invoiceNumber = invoice();
        SettlementEvents.Settlement settled = new SettlementEvents.Settlement("ST-" + invoiceNumber, invoiceNumber, id,
                "H51322400001", "OUTPATIENT", LocalDate.now(), LocalDate.now().getYear(), "1000.00", "750.00",
                "275.00", "0.00", "0.00", "0.00", "725.00", null);
        TestEvents.publish(SettlementTopics.EVENTS, "/jingban/settlement", SettlementEvents.SETTLED, settled.settlementId(), settled);
        Eventually.until(Duration.ofSeconds(30), () -> heldBySettlement(invoiceNumber) ? true : null);
        submit("outpatient", id, outpatient(id, invoiceNumber, SONGPAN, "二级")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.violations[0].code").isEqualTo("invoice-settled");

        TestEvents.publish(SettlementTopics.EVENTS, "/jingban/settlement", SettlementEvents.REVERSED, settled.settlementId(), settled);
        Eventually.until(Duration.ofSeconds(30), () -> heldBySettlement(invoiceNumber) ? null : true);
        submit("outpatient", id, outpatient(id, invoiceNumber, SONGPAN, "二级")).expectStatus().isAccepted();
    }

    private boolean heldBySettlement(String invoiceNumber) {
        InvoiceRegister.HeldInvoice held = invoices.holder(invoiceNumber).block();
        return held != null && held.source() == InvoiceRegister.Source.SETTLEMENT;
    }

    @Test
    void bad_input_is_answered_with_every_problem_at_once_and_nothing_is_held() {
        String id = Insured.person(readModel, "赵六", InsuranceTypes.EMPLOYEE_INSURANCE, SONGPAN, "在职职工");
        String invoiceNumber = invoice();
        Map<String, Object> form = outpatient(id, invoiceNumber, SONGPAN, "四级");
        form.put("业务类型", "住院");
        form.put("费用明细", List.of(line("XY001", "阿莫西林胶囊", "丁类", "2", "150.00", "301.00"),
                line("JC002", "检查", "乙类", "1", "500.001", "500.00")));
        form.remove("联系电话");
        form.put("就诊日期", LocalDate.now().plusDays(2).toString());
        JsonNode problem = submit("outpatient", id, form).expectStatus().isBadRequest()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> fields = new ArrayList<>();
        problem.get("violations").forEach(v -> fields.add(v.get("field").asString()));
        assertThat(fields).contains("联系电话", "业务类型", "医疗机构等级", "费用明细[0].类别", "费用明细[0].金额",
                "费用明细[1].单价", "就诊日期");
        assertThat(invoices.holder(invoiceNumber).block()).isNull();
    }

    @Test
    void a_large_bill_is_checked_before_the_fee_recheck_and_an_unfiled_offsite_stay_pays_the_lower_ratio() {
        String id = Insured.person(readModel, "钱七", InsuranceTypes.RESIDENT_INSURANCE, SONGPAN, "城乡居民");
        Map<String, Object> form = outpatient(id, invoice(), "510100", "三级");
        form.put("业务类型", "普通住院");
        form.remove("就诊日期");
        form.put("入院日期", LocalDate.now().minusDays(20).toString());
        form.put("出院日期", LocalDate.now().minusDays(10).toString());
        form.put("材料明细及数量", catalog.item("622036006002", SONGPAN).materials().stream()
                .filter(m -> m.condition() == null).map(m -> Map.of("材料名称", m.name(), "数量", 1)).toList());
        form.put("票据", List.of(Map.of("票据号码", invoice(), "票据金额", "60000.00")));
        form.put("费用明细", List.of(line("ZY001", "住院综合", "甲类", "1", "60000.00", "60000.00")));
        JsonNode answer = http.post().uri("/api/v1/reimbursement/claims/inpatient")
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id))).bodyValue(form).exchange()
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        // 城乡居民, 三级, 成都 (not Songpan's pool), no filing: 65% − 20 points = 45%;
        // 60000 − 800 起付线 = 59200 × 45% = 26640.00 from the fund.
        // 大病保险: the person's eligible share 60000 − 26640 = 33360 above 15000 = 18360 × 60% = 11016.00.
        // 26640 + 11016 = 37656.00
        assertThat(answer.get("estimate").get("统筹基金").asString()).isEqualTo("26640.00");
        assertThat(answer.get("estimate").get("预计报销金额").asString()).isEqualTo("37656.00");
        String number = answer.get("caseNumber").asString();
        act(number, "accept", TestTokens.clerk("clerk-sp", SONGPAN), Map.of());
        JsonNode p = act(number, "advance", TestTokens.reviewer("rv-sp", SONGPAN), Map.of("stage", "审核"));
        assertThat(p.get("currentStage").asString()).isEqualTo("大额医疗费用核查");
        assertThat(p.get("nextStage").asString()).isEqualTo("费用复核");
    }

    @Test
    void holds_left_by_a_crash_between_holding_and_storing_the_case_are_attached_or_let_go() {
        // a crash before the case was stored: the hold has no case and no case names its claim → let go
        String lost = invoice();
        assertThat(invoices.hold("claim-lost-" + lost, List.of(lost)).block()).isEmpty();
        // a crash after the case was stored but before the hold was attached: found by the claim id in the case
        String id = Insured.person(readModel, "孙十一", InsuranceTypes.EMPLOYEE_INSURANCE, SONGPAN, "在职职工");
        String kept = invoice();
        JsonNode answer = submit("outpatient", id, outpatient(id, kept, SONGPAN, "二级")).expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String claimId = answer.get("claimId").asString();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(kept)),
                org.springframework.data.mongodb.core.query.Update.update("caseNumber", null),
                InvoiceRegister.HeldInvoice.class).block();

        invoices.sweepOrphans(Duration.ZERO).block();

        assertThat(invoices.holder(lost).block()).isNull();
        assertThat(invoices.holder(kept).block().caseNumber()).isEqualTo(answer.get("caseNumber").asString());
        assertThat(invoices.holder(kept).block().claimId()).isEqualTo(claimId);
    }

    @Test
    void what_a_direct_settlement_added_to_the_year_counts_for_a_later_manual_claim_and_leaves_with_its_reversal() {
        String id = Insured.person(readModel, "周十二", InsuranceTypes.EMPLOYEE_INSURANCE, SONGPAN, "在职职工");
        int year = LocalDate.now().getYear();
        // a settlement at a hospital met the year's 门诊起付线 (200) and paid 275 from the outpatient pool
        org.jingban.platform.benefits.YearToDate used = new org.jingban.platform.benefits.YearToDate(
                org.jingban.platform.money.Money.parse("200.00"), org.jingban.platform.money.Money.parse("275.00"),
                org.jingban.platform.money.Money.parse("275.00"), org.jingban.platform.money.Money.ZERO,
                org.jingban.platform.money.Money.ZERO, org.jingban.platform.money.Money.ZERO,
                org.jingban.platform.money.Money.parse("475.00"));
        String settledInvoice = invoice();
        SettlementEvents.Settlement settled = new SettlementEvents.Settlement("ST-" + settledInvoice, settledInvoice, id,
                "H51322400001", "OUTPATIENT", LocalDate.now(), year, "1000.00", "750.00", "275.00", "0.00", "0.00",
                "0.00", "725.00", used);
        TestEvents.publish(SettlementTopics.EVENTS, "/jingban/settlement", SettlementEvents.SETTLED, settled.settlementId(), settled);
        // the same bill claimed by hand now meets no deductible: 750 × 50% = 375.00 (not 275.00)
        Eventually.until(Duration.ofSeconds(30), () -> "375.00".equals(estimate(id)) ? true : null);

        TestEvents.publish(SettlementTopics.EVENTS, "/jingban/settlement", SettlementEvents.REVERSED, settled.settlementId(), settled);
        // reversed: the year is as before it, the deductible applies again: 275.00
        Eventually.until(Duration.ofSeconds(30), () -> "275.00".equals(estimate(id)) ? true : null);
    }

    /** The estimate of a fresh outpatient claim of the standard bill (the claim is withdrawn again, freeing its invoice). */
    private String estimate(String id) {
        JsonNode answer = submit("outpatient", id, outpatient(id, invoice(), SONGPAN, "二级")).expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        http.post().uri("/api/v1/reimbursement/cases/{n}/withdraw", answer.get("caseNumber").asString())
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id))).bodyValue(Map.of("remark", "测算"))
                .exchange().expectStatus().isOk();
        return answer.get("estimate").get("预计报销金额").asString();
    }
}
