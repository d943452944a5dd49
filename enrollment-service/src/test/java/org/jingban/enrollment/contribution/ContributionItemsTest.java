package org.jingban.enrollment.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jingban.enrollment.EnrollmentTest;
import org.jingban.enrollment.employer.EmployerHandlers;
import org.jingban.enrollment.person.Insurance;
import org.jingban.enrollment.person.InsuredPersons;
import org.jingban.platform.security.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Seed 003's contribution items in 松潘 (default rates: 灵活就业 8 %, 单位 6 % + 个人 2 %, 趸缴 to 300 months). */
class ContributionItemsTest extends EnrollmentTest {

    static final String SONGPAN = "513224";
    static final String CLERK = TestTokens.clerk("sp-clerk", SONGPAN);
    static final String REVIEWER = TestTokens.reviewer("sp-reviewer", SONGPAN);

    @Autowired
    InsuredPersons persons;
    @Autowired
    ReactiveMongoTemplate template;

    private void handle(String caseNumber) {
        web.post().uri("/api/v1/enrollment/cases/{n}/accept", caseNumber).headers(h -> h.setBearerAuth(CLERK))
                .bodyValue(Map.of()).exchange().expectStatus().isOk();
        web.post().uri("/api/v1/enrollment/cases/{n}/advance", caseNumber).headers(h -> h.setBearerAuth(REVIEWER))
                .bodyValue(Map.of("stage", "审核")).exchange().expectStatus().isOk();
        web.post().uri("/api/v1/enrollment/cases/{n}/complete", caseNumber).headers(h -> h.setBearerAuth(REVIEWER))
                .bodyValue(Map.of()).exchange().expectStatus().isOk();
    }

    private String flexibleWorker() {
        String id = newIdNumber(1975);
        Map<String, Object> form = new java.util.LinkedHashMap<>();
        form.put("人员类别", "灵活就业人员");
        form.put("参保险种", "职工基本医疗保险");
        form.put("参保地区", SONGPAN);
        form.put("人员明细", List.of(employeeRow("个体", id, "3000.00", "增加")));
        form.put("申请材料", List.of("《职工基本医疗保险参保登记表》", "有效身份证件"));
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id)))
                .bodyValue(form).exchange().expectStatus().isCreated();
        return id;
    }

    @Test
    void a_flexible_worker_gets_a_payment_notice_at_once_and_a_lump_sum_notice_after_review() {
        String id = flexibleWorker();
        String self = TestTokens.insuredPerson(id);
        Map<String, Object> pay = new java.util.LinkedHashMap<>();
        pay.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        pay.put("缴费基数", "3000.00");
        pay.put("起始月份", "2026-12");
        pay.put("缴费月数", 3);
        pay.put("参保人银行账户信息", Map.of("账号", "6222021234567890128", "开户行", "农行松潘支行"));
        pay.put("申请材料", List.of("医保电子凭证或有效身份证件或社保卡", "参保人银行账户信息"));
        web.post().uri("/api/v1/enrollment/flexible-contributions").headers(h -> h.setBearerAuth(self)).bodyValue(pay).exchange()
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.itemCode").isEqualTo(FlexibleContribution.ITEM)
                // 3000.00 × 3 months × 8 % = 720.00
                .jsonPath("$.result.total").isEqualTo("720.00");
        pay.put("缴费月数", 13);
        web.post().uri("/api/v1/enrollment/flexible-contributions").headers(h -> h.setBearerAuth(self)).bodyValue(pay).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.violations[0].field").isEqualTo("缴费月数");

        Map<String, Object> lump = new java.util.LinkedHashMap<>();
        lump.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        lump.put("缴费基数", "3000.00");
        lump.put("申请材料", List.of("医保电子凭证或有效身份证件或社保卡"));
        lump.put("承诺替代材料", List.of("退休审批资料"));
        Map<?, ?> submitted = web.post().uri("/api/v1/enrollment/lump-sum-contributions").headers(h -> h.setBearerAuth(self))
                .bodyValue(lump).exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        handle((String) submitted.get("caseNumber"));
        PaymentNotice notice = eventually(() -> template.findById((String) submitted.get("caseId"), PaymentNotice.class).block(TIMEOUT));
        long months = persons.findByIdNumber(id).block(TIMEOUT).insurance(Insurance.EMPLOYEE_INSURANCE, SONGPAN).orElseThrow()
                .contributionMonths(java.time.YearMonth.now(org.jingban.platform.cases.Case.ZONE));
        // (300 − months) × 3000.00 × (6 % + 2 %) = (300 − 1) × 240.00 = 71760.00
        assertThat(months).isEqualTo(1);
        assertThat(notice.getTotal()).isEqualTo("71760.00");
        assertThat(notice.getLines().get(0).months()).isEqualTo(299);
    }

    @Test
    void outside_songpan_and_for_someone_not_a_flexible_worker_the_item_is_refused() {
        String wuwei = newIdNumber();
        Map<String, Object> form = new java.util.LinkedHashMap<>();
        form.put("人员类别", "灵活就业人员");
        form.put("参保险种", "职工基本医疗保险");
        form.put("参保地区", WUWEI);
        form.put("人员明细", List.of(employeeRow("个体", wuwei, "3000.00", "增加")));
        form.put("申请材料", List.of("《职工基本医疗保险参保登记表》", "有效身份证件"));
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(wuwei)))
                .bodyValue(form).exchange().expectStatus().isCreated();
        Map<String, Object> pay = Map.of("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", wuwei), "缴费基数", "3000.00",
                "起始月份", "2026-12", "缴费月数", 1, "参保人银行账户信息", Map.of("账号", "6222021234567890128", "开户行", "农行"));
        web.post().uri("/api/v1/enrollment/flexible-contributions").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(wuwei)))
                .bodyValue(pay).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("未开办"));
    }

    @Test
    void a_unit_declares_its_staffs_bases_and_the_monthly_amount_is_assessed_after_review() {
        String uscc = newUscc();
        web.post().uri("/api/v1/enrollment/units/joint-registrations")
                .headers(h -> h.setBearerAuth(TestTokens.system("market-regulation", EmployerHandlers.JOINT_SCOPE)))
                .bodyValue(unitForm(uscc, SONGPAN)).exchange().expectStatus().isCreated();
        String agent = TestTokens.employerAgent(uscc);
        String a = newIdNumber(), b = newIdNumber();
        Map<?, ?> enrolled = web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(agent))
                .bodyValue(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(employeeRow("甲", a, "4000.00", "增加"),
                        employeeRow("乙", b, "5000.00", "增加")))).exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        handle((String) enrolled.get("caseNumber"));
        eventually(() -> persons.findByIdNumber(b).block(TIMEOUT));

        Map<String, Object> declaration = Map.of("统一社会信用代码/单位编码", uscc, "申报年度", "2027",
                "人员明细", List.of(Map.of("姓名", "甲", "证件号码", a, "缴费基数", "4500.00"),
                        Map.of("姓名", "乙", "证件号码", b, "缴费基数", "5500.00"),
                        Map.of("姓名", "外人", "证件号码", newIdNumber(), "缴费基数", "1000.00")),
                "申请材料", List.of("《职工基本医疗保险缴费基数申报表》"));
        web.post().uri("/api/v1/enrollment/units/contribution-bases").headers(h -> h.setBearerAuth(agent)).bodyValue(declaration)
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.violations[0].field").isEqualTo("人员明细[3].证件号码");

        Map<String, Object> valid = new java.util.LinkedHashMap<>(declaration);
        valid.put("人员明细", ((List<?>) declaration.get("人员明细")).subList(0, 2));
        Map<?, ?> submitted = web.post().uri("/api/v1/enrollment/units/contribution-bases").headers(h -> h.setBearerAuth(agent))
                .bodyValue(valid).exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        handle((String) submitted.get("caseNumber"));
        PaymentNotice notice = eventually(() -> template.findById((String) submitted.get("caseId"), PaymentNotice.class).block(TIMEOUT));
        // (4500.00 + 5500.00) × (6 % + 2 %) = 800.00 a month
        assertThat(notice.getTotal()).isEqualTo("800.00");
        assertThat(persons.findByIdNumber(a).block(TIMEOUT).insurance(Insurance.EMPLOYEE_INSURANCE, SONGPAN).orElseThrow()
                .getDeclaredWageFen()).isEqualTo(4500_00);
    }
}
