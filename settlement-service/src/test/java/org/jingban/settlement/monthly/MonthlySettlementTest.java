package org.jingban.settlement.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jingban.designation.api.AgreementEvents;
import org.jingban.designation.api.DesignationTopics;
import org.jingban.enrollment.api.coverage.EnrollmentReadModel;
import org.jingban.platform.cases.Case;
import org.jingban.platform.security.test.TestTokens;
import org.jingban.platform.test.Eventually;
import org.jingban.platform.test.TestEvents;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.jingban.settlement.FakeEnrollmentAccounts;
import org.jingban.settlement.Given;
import org.jingban.settlement.coverage.AgreementReadModel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * 主项十 月度结算 on the real broker and store: direct settlements of last month (EXAMPLE policy, figures worked by hand
 * below), the month declared, reconciled and audited, staff through 受理—审核—财务复核—负责人审批—拨付, the simulated bank.
 *
 * <p>The bills, for a 职工 in Wuwei at a 二级 hospital, each person's first visit of the year, no personal account:
 * 普通门诊 1000.00 (甲类 300, 乙类 500, 丙类 200): 乙类先行自付 50, eligible 750, 起付线 200, (750 − 200) × 50% =
 * <b>275.00</b> fund; 住院 2000.00 甲类: 起付线 600 (二级), (2000 − 600) × 85% = <b>1190.00</b> fund.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jingban.settlement.enrollment.base-url=http://localhost:${local.server.port}",
        "jingban.settlement.direct.sweep-interval=PT1H",
        "jingban.settlement.monthly.check-interval=PT1S",
        "jingban.settlement.monthly.simulated-bank.confirm-delay=PT0S"})
@AutoConfigureWebTestClient(timeout = "PT60S")
@WithJingbanInfrastructure
@Import(FakeEnrollmentAccounts.class)
class MonthlySettlementTest {

    static final YearMonth MONTH = YearMonth.now(Case.ZONE).minusMonths(1);
    static final String DECLARE = "/api/v1/settlement/monthly-declarations/medical-institutions";

    @Autowired
    WebTestClient http;
    @Autowired
    EnrollmentReadModel persons;
    @Autowired
    AgreementReadModel agreements;
    @Autowired
    org.jingban.platform.payments.BankPort bank;

    // ---------------------------------------------------------------- fixtures

    String hospital() {
        String code = Given.institutionCode(Given.LIANGZHOU);
        Given.agreement(agreements, Given.hospital(code, "ACTIVE"), AgreementEvents.SIGNED);
        return code;
    }

    static String invoice() {
        return "WW" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
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

    /** Settles an outpatient bill of 1000.00 (fund 275.00) on {@code day} of last month; its invoice. */
    String outpatient(String hospital, String id, int day) {
        String invoice = invoice();
        Map<String, Object> bill = new LinkedHashMap<>();
        bill.put("invoiceNumber", invoice);
        bill.put("idNumber", id);
        bill.put("visitType", "OUTPATIENT");
        bill.put("visitDate", MONTH.atDay(day).toString());
        bill.put("usePersonalAccount", false);
        bill.put("lines", List.of(line("XY001", "阿莫西林胶囊", "甲类", "2", "150.00", "300.00"),
                line("JC002", "彩色多普勒超声检查", "乙类", "1", "500.00", "500.00"),
                line("ZF003", "保健品", "丙类", "1", "200.00", "200.00")));
        settle(hospital, bill, "275.00");
        return invoice;
    }

    /** Settles an inpatient bill of 2000.00 甲类 (fund 1190.00) discharged on {@code day} of last month. */
    String inpatient(String hospital, String id, int day) {
        String invoice = invoice();
        Map<String, Object> bill = new LinkedHashMap<>();
        bill.put("invoiceNumber", invoice);
        bill.put("idNumber", id);
        bill.put("visitType", "INPATIENT");
        bill.put("admissionDate", MONTH.atDay(day - 4).toString());
        bill.put("visitDate", MONTH.atDay(day).toString());
        bill.put("usePersonalAccount", false);
        bill.put("lines", List.of(line("ZY001", "住院床位及治疗", "甲类", "1", "2000.00", "2000.00")));
        settle(hospital, bill, "1190.00");
        return invoice;
    }

    void settle(String hospital, Map<String, Object> bill, String fund) {
        http.post().uri("/api/v1/settlement/settlements").headers(h -> h.setBearerAuth(TestTokens.institution(hospital)))
                .bodyValue(bill).exchange().expectStatus().isCreated().expectBody()
                .jsonPath("$.fund").isEqualTo(fund).jsonPath("$.personalAccount").isEqualTo("0.00");
    }

    String person() {
        return Given.person(persons, "参保人", Given.EMPLOYEE, Given.WUWEI);
    }

    static Map<String, Object> declaration(String details, long count, String total, String fund) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("结算月份", MONTH.toString());
        f.put("医疗保障基金结算清单数据或就医人员明细信息", details);
        f.put("医药费用月度汇总电子对账表", Map.of("结算笔数", count, "医疗费用总额", total, "基金支付总额", fund));
        f.put("收款账户", Map.of("账号", "6222020200112233445", "开户行", "中国工商银行武威分行", "户名", "凉州区测试医院"));
        f.put("申请材料", List.of("月度汇总数据表", "医疗收费票据", "医疗保障基金结算清单或就医人员明细表"));
        return f;
    }

    WebTestClient.ResponseSpec declare(String hospital, Map<String, Object> form) {
        return http.post().uri(DECLARE).headers(h -> h.setBearerAuth(TestTokens.institution(hospital)))
                .bodyValue(form).exchange();
    }

    JsonNode view(String number, String token) {
        return http.get().uri("/api/v1/settlement/monthly-declarations/{n}", number).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    WebTestClient.ResponseSpec act(String number, String action, String token, Map<String, Object> body) {
        return http.post().uri("/api/v1/settlement/cases/{n}/" + action, number).headers(h -> h.setBearerAuth(token))
                .bodyValue(body).exchange();
    }

    static String text(JsonNode n, String path) {
        JsonNode at = n;
        for (String p : path.split("\\.")) {
            at = at.get(p);
        }
        return at.asString();
    }

    // ---------------------------------------------------------------- tests

    @Test
    void a_clean_month_is_paid_exactly_the_direct_settlement_fund_total_once_after_finance_review_and_approval() {
        String hospital = hospital();
        outpatient(hospital, person(), 5);
        inpatient(hospital, person(), 12);
        outpatient(hospital, person(), 20);
        // 275.00 + 1190.00 + 275.00 = 1740.00 fund; bills 1000 + 2000 + 1000 = 4000.00
        JsonNode submitted = declare(hospital, declaration("直接结算记录", 3, "4000.00", "1740.00"))
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        String number = text(submitted, "caseNumber");
        assertThat(text(submitted, "status")).isEqualTo("SUBMITTED");
        assertThat(text(submitted, "month")).isEqualTo(MONTH.toString());

        // the same month again: 不予受理
        declare(hospital, declaration("直接结算记录", 3, "4000.00", "1740.00")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.violations[0].code").isEqualTo("month-already-declared");

        JsonNode v = view(number, TestTokens.institution(hospital));
        assertThat(v.get("reconciliation").get("matched").asLong()).isEqualTo(3);
        assertThat(v.get("reconciliation").get("missing").asLong()).isZero();
        assertThat(v.get("reconciliation").get("summaryMatches").asBoolean()).isTrue();
        assertThat(text(v, "statement.amountToPay")).isEqualTo("1740.00");
        // another institution does not see it
        http.get().uri("/api/v1/settlement/monthly-declarations/{n}", number)
                .headers(h -> h.setBearerAuth(TestTokens.institution("H62060299999"))).exchange().expectStatus().isNotFound();

        act(number, "accept", TestTokens.clerk("clerk-ww", Given.WUWEI), Map.of()).expectStatus().isOk();
        act(number, "advance", TestTokens.reviewer("rv-ww", Given.WUWEI), Map.of("stage", "审核")).expectStatus().isOk();
        act(number, "advance", TestTokens.finance("fin-a", Given.WUWEI), Map.of("stage", "财务复核")).expectStatus().isOk();
        act(number, "advance", TestTokens.director("dir-ww", Given.WUWEI), Map.of("stage", "负责人审批")).expectStatus().isOk();
        // who did 财务复核 does not pay out (高风险: 岗位分离)
        act(number, "advance", TestTokens.finance("fin-a", Given.WUWEI), Map.of("stage", "拨付")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.violations[0].code").isEqualTo("case.separation-of-duties");
        act(number, "advance", TestTokens.finance("fin-b", Given.WUWEI), Map.of("stage", "拨付")).expectStatus().isOk();

        JsonNode done = Eventually.until(Duration.ofSeconds(30), () -> {
            JsonNode now = view(number, TestTokens.clerk("clerk-ww", Given.WUWEI));
            return "COMPLETED".equals(text(now, "status")) ? now : null;
        });
        assertThat(text(done, "payment.amount")).isEqualTo("1740.00");
        assertThat(text(done, "payment.status")).isEqualTo("CONFIRMED");
        assertThat(text(done, "statement.issued")).isEqualTo("true");
        JsonNode c = http.get().uri("/api/v1/settlement/cases/{n}", number)
                .headers(h -> h.setBearerAuth(TestTokens.clerk("clerk-ww", Given.WUWEI))).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(c.toString()).contains("1740.00");
        // exactly one transfer for the case
        org.jingban.platform.payments.SimulatedBank books = (org.jingban.platform.payments.SimulatedBank) bank;
        String caseId = text(done, "caseId");
        assertThat(books.books().count(Query.query(Criteria.where("_id").is(caseId)),
                org.jingban.platform.payments.SimulatedBank.BookedTransfer.class).block()).isEqualTo(1);
        assertThat(books.books().count(Query.query(Criteria.where("orderId").is(caseId)),
                org.jingban.platform.payments.SimulatedBank.Request.class).block()).isEqualTo(1);
    }

    @Test
    void uploaded_details_are_reconciled_line_by_line_and_only_the_matching_lines_are_paid() {
        String hospital = hospital();
        String a = person();
        String b = person();
        String invoiceA = outpatient(hospital, a, 5);
        String invoiceB = outpatient(hospital, b, 6);
        String invoiceC = outpatient(hospital, person(), 7);
        // declared: A (matches), A again (duplicate), B with fund 300.00 (mismatch), X (no settlement: extra); C missing
        // summary: 4 lines, 1000 + 1000 + 1000 + 500 = 3500.00, 275 + 275 + 300 + 100 = 950.00
        JsonNode submitted = declare(hospital, declaration("上传明细", 4, "3500.00", "950.00"))
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        String number = text(submitted, "caseNumber");
        assertThat(text(submitted, "status")).isEqualTo("WAITING_FOR_APPLICANT");   // 补正: the details are to come

        // malformed lines: every one named with its line number, in one 400, nothing kept
        String bad = DetailsCsv.HEADER + "\n"
                + invoiceA + "," + a + ",普通门诊," + MONTH.atDay(5) + ",1000.00,275.00\n"
                + invoiceB + "," + b + ",普通门诊," + MONTH.atDay(6) + ",1000.00,275.005\n"
                + invoiceC + ",只有三列\n"
                + "X1," + a + ",普通门诊," + MONTH.plusMonths(1).atDay(1) + ",500.00,100.00\n";
        http.post().uri("/api/v1/settlement/monthly-declarations/{n}/details", number)
                .headers(h -> h.setBearerAuth(TestTokens.institution(hospital)))
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue(bad).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.violations.length()").isEqualTo(3)
                .jsonPath("$.violations[0].field").isEqualTo("明细第3行")
                .jsonPath("$.violations[0].code").isEqualTo("invalid-amount")
                .jsonPath("$.violations[1].field").isEqualTo("明细第4行")
                .jsonPath("$.violations[1].code").isEqualTo("wrong-columns")
                .jsonPath("$.violations[2].field").isEqualTo("明细第5行")
                .jsonPath("$.violations[2].code").isEqualTo("outside-month");

        String csv = DetailsCsv.HEADER + "\r\n"
                + invoiceA + "," + a + ",普通门诊," + MONTH.atDay(5) + ",1000.00,275.00\r\n"
                + invoiceA + "," + a + ",普通门诊," + MONTH.atDay(5) + ",1000.00,275.00\r\n"
                + invoiceB + "," + b + ",普通门诊," + MONTH.atDay(6) + ",1000.00,300.00\r\n"
                + "X" + invoice() + "," + a + ",普通门诊," + MONTH.atDay(8) + ",500.00,100.00\r\n";
        JsonNode v = http.post().uri("/api/v1/settlement/monthly-declarations/{n}/details", number)
                .headers(h -> h.setBearerAuth(TestTokens.institution(hospital)))
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode r = v.get("reconciliation");
        assertThat(r.get("declaredLines").asLong()).isEqualTo(4);
        assertThat(r.get("matched").asLong()).isEqualTo(1);
        assertThat(r.get("duplicates").asLong()).isEqualTo(1);
        assertThat(r.get("mismatched").asLong()).isEqualTo(1);
        assertThat(r.get("extra").asLong()).isEqualTo(1);
        assertThat(r.get("missing").asLong()).isEqualTo(1);
        assertThat(r.get("duplicateLines").get(0).get("lineNo").asLong()).isEqualTo(3);
        assertThat(r.get("mismatchedLines").get(0).get("invoiceNumber").asString()).isEqualTo(invoiceB);
        assertThat(r.get("mismatchedLines").get(0).get("note").asString()).contains("基金支付金额");
        assertThat(r.get("extraLines").get(0).get("lineNo").asLong()).isEqualTo(5);
        assertThat(r.get("missingLines").get(0).get("invoiceNumber").asString()).isEqualTo(invoiceC);
        assertThat(r.get("summaryMatches").asBoolean()).isTrue();
        assertThat(text(v, "statement.amountToPay")).isEqualTo("275.00");   // only A
        assertThat(text(v, "status")).isEqualTo("SUBMITTED");               // 补正 done: waits for 受理
        assertThat(text(v, "details")).isEqualTo("上传明细");

        // the same file again as multipart (before 受理): it replaces the lines, the report is the same
        org.springframework.http.client.MultipartBodyBuilder parts = new org.springframework.http.client.MultipartBodyBuilder();
        parts.part("file", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).filename("details.csv")
                .contentType(MediaType.parseMediaType("text/csv"));
        JsonNode again = http.post().uri("/api/v1/settlement/monthly-declarations/{n}/details", number)
                .headers(h -> h.setBearerAuth(TestTokens.institution(hospital)))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(parts.build())).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again.get("reconciliation").get("declaredLines").asLong()).isEqualTo(4);
        assertThat(again.get("reconciliation").get("matched").asLong()).isEqualTo(1);
        assertThat(text(again, "statement.amountToPay")).isEqualTo("275.00");
        // another institution: 404
        http.post().uri("/api/v1/settlement/monthly-declarations/{n}/details", number)
                .headers(h -> h.setBearerAuth(TestTokens.institution("H62060299999")))
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv).exchange().expectStatus().isNotFound();
    }

    @Test
    void lines_outside_the_agreements_scope_or_on_a_suspended_day_are_refused_with_their_rule_codes() {
        String hospital = hospital();
        outpatient(hospital, person(), 5);
        inpatient(hospital, person(), 12);
        outpatient(hospital, person(), 20);
        // afterwards (协议处理): 住院 is no longer in the agreement, and the 20th lies in a suspension period
        AgreementEvents.Agreement before = agreements.of(hospital).block();
        AgreementEvents.Agreement after = new AgreementEvents.Agreement(before.agreementNumber(), before.institutionCode(),
                before.creditCode(), before.name(), before.kind(), before.regionCode(), before.divisionCode(), before.level(),
                List.of(AgreementEvents.OUTPATIENT, AgreementEvents.CHRONIC_DISEASE), before.offsiteSettlement(), "ACTIVE",
                before.validFrom(), before.validUntil(), MONTH.atDay(20), MONTH.atDay(20), "违规收费，暂停协议1日", null, null);
        TestEvents.publish(DesignationTopics.EVENTS, "/jingban/designated-institution", AgreementEvents.SCOPE_CHANGED,
                after.agreementNumber(), after);
        Eventually.until(Duration.ofSeconds(30), () -> {
            AgreementEvents.Agreement known = agreements.of(hospital).block();
            return known != null && !known.scope().contains(AgreementEvents.INPATIENT) ? known : null;
        });

        JsonNode submitted = declare(hospital, declaration("直接结算记录", 3, "4000.00", "1740.00"))
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode v = view(text(submitted, "caseNumber"), TestTokens.institution(hospital));
        JsonNode r = v.get("reconciliation");
        assertThat(r.get("matched").asLong()).isEqualTo(3);
        List<String> rules = new ArrayList<>();
        r.get("deductions").forEach(d -> rules.add(d.get("rule").asString() + " " + d.get("visitDate").asString()
                + " " + d.get("amount").asString()));
        assertThat(rules).containsExactlyInAnyOrder(
                "outside-agreement-scope " + MONTH.atDay(12) + " 1190.00",
                "agreement-suspended " + MONTH.atDay(20) + " 275.00");
        // 1740.00 declared and matched − 1190.00 − 275.00 拒付 = 275.00
        assertThat(text(r, "refused")).isEqualTo("1465.00");
        assertThat(text(v, "statement.declaredFund")).isEqualTo("1740.00");
        assertThat(text(v, "statement.amountToPay")).isEqualTo("275.00");
    }
}
