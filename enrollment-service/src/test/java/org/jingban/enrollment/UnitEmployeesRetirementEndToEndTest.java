package org.jingban.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jingban.enrollment.account.AccountHandlers;
import org.jingban.enrollment.api.AccountEvents;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.enrollment.employer.EmployerEvents;
import org.jingban.platform.security.audit.AuditTrail;
import org.jingban.platform.security.test.TestTokens;
import org.jingban.platform.test.EventProbe;
import org.jingban.platform.test.JingbanInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * In Lanzhou (甘肃省清单: 单位参保登记 and 在职职工参保登记 within 5 working days, through 受理 and 审核): a unit registers,
 * enrolls three employees, their contributions are credited, one changes to 在职转退休, and the person query shows the
 * periods and the balance. Everything through the HTTP API, on the embedded broker and store.
 */
class UnitEmployeesRetirementEndToEndTest extends EnrollmentTest {

    static final String CLERK = TestTokens.clerk("lz-clerk", LANZHOU);
    static final String REVIEWER = TestTokens.reviewer("lz-reviewer", LANZHOU);

    @Autowired
    ReactiveMongoTemplate template;

    private Map<?, ?> post(String uri, String token, Object body, int status) {
        return web.post().uri(uri).headers(h -> h.setBearerAuth(token)).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status).expectBody(Map.class).returnResult().getResponseBody();
    }

    /** 受理 by the clerk, 审核 by the reviewer, 办结: the generic case endpoints. */
    private void handle(String caseNumber) {
        post("/api/v1/enrollment/cases/" + caseNumber + "/accept", CLERK, Map.of(), 200);
        post("/api/v1/enrollment/cases/" + caseNumber + "/advance", REVIEWER, Map.of("stage", "审核", "remark", "符合条件"), 200);
        post("/api/v1/enrollment/cases/" + caseNumber + "/complete", REVIEWER, Map.of(), 200);
    }

    private Map<?, ?> personAs(String token, String idNumber) {
        return web.post().uri("/api/v1/enrollment/persons/lookup").headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("证件号码", idNumber)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_unit_registers_enrolls_three_employees_one_retires_and_the_query_shows_periods_and_balance() {
        String uscc = newUscc();
        String agent = TestTokens.employerAgent(uscc);
        String a = newIdNumber(1990), b = newIdNumber(1985), c = newIdNumber(1966);
        try (EventProbe probe = JingbanInfrastructure.get().probe("jingban.enrollment.events")) {
            // 1. 单位参保登记: waits for 受理 in Lanzhou, takes effect at 办结
            Map<?, ?> unitCase = post("/api/v1/enrollment/units", agent, unitForm(uscc, LANZHOU), 202);
            handle((String) unitCase.get("caseNumber"));
            eventually(() -> web.get().uri("/api/v1/enrollment/units/{u}", uscc).headers(h -> h.setBearerAuth(agent))
                    .exchange().returnResult(Map.class).getStatus().is2xxSuccessful() ? Boolean.TRUE : null);

            // 2. 职工参保登记: three employees in one 表2
            Map<?, ?> employeesCase = post("/api/v1/enrollment/employees", agent, employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(
                    employeeRow("甲", a, "5000.00", "增加"), employeeRow("乙", b, "6000.00", "增加"),
                    employeeRow("丙", c, "7000.00", "增加"))), 202);
            handle((String) employeesCase.get("caseNumber"));
            Map<?, ?> staff = eventually(() -> {
                Map<?, ?> q = web.get().uri("/api/v1/enrollment/units/{u}", uscc).headers(h -> h.setBearerAuth(agent))
                        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
                return ((Number) q.get("activeStaff")).intValue() == 3 ? q : null;
            });
            assertThat((List<Map<String, Object>>) staff.get("staff")).extracting(s -> s.get("idNumber"))
                    .allSatisfy(id -> assertThat((String) id).contains("*"));

            // 3. the tax bureau's contribution data: 丙 contributed 1000.00 and 700.00 → 30 % credited
            List<Map<String, Object>> postings = new ArrayList<>();
            postings.add(Map.of("serialNumber", "E2E-" + c + "-1", "idNumber", c, "period", "202610",
                    "insuranceType", "职工基本医疗保险", "regionCode", LANZHOU, "contributionAmount", "1000.00"));
            postings.add(Map.of("serialNumber", "E2E-" + c + "-2", "idNumber", c, "period", "202611",
                    "insuranceType", "职工基本医疗保险", "regionCode", LANZHOU, "contributionAmount", "700.00"));
            web.post().uri("/api/v1/enrollment/accounts/contributions")
                    .headers(h -> h.setBearerAuth(TestTokens.system("tax-bureau", AccountHandlers.CONTRIBUTION_SCOPE)))
                    .bodyValue(Map.of("postings", postings)).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$[0].creditedAmount").isEqualTo("300.00").jsonPath("$[1].creditedAmount").isEqualTo("210.00");

            // 4. 在职转退休 for 丙, with the 退休审批材料
            List<String> withApproval = new ArrayList<>(EMPLOYEE_MATERIALS);
            withApproval.add("退休审批材料");
            Map<?, ?> retirementCase = post("/api/v1/enrollment/employees", agent, employeesForm(uscc, withApproval,
                    List.of(employeeRow("丙", c, "7000.00", "在职转退休"))), 202);
            handle((String) retirementCase.get("caseNumber"));

            // 5. the retiree's own query: periods, months and the balance 300.00 + 210.00 = 510.00
            Map<?, ?> retiree = eventually(() -> {
                Map<?, ?> view = personAs(TestTokens.insuredPerson(c), c);
                List<Map<String, Object>> insurances = (List<Map<String, Object>>) view.get("insurances");
                return "退休人员".equals(insurances.get(0).get("category")) ? view : null;
            });
            Map<String, Object> insurance = ((List<Map<String, Object>>) retiree.get("insurances")).get(0);
            assertThat(insurance).containsEntry("insuranceType", "职工基本医疗保险").containsEntry("regionCode", LANZHOU)
                    .containsEntry("status", "ACTIVE").containsEntry("unitName", "武威市测试商贸有限公司");
            List<Map<String, Object>> periods = (List<Map<String, Object>>) insurance.get("periods");
            assertThat(periods).hasSize(1);
            assertThat(periods.get(0).get("to")).isEqualTo(periods.get(0).get("from")); // enrolled and retired this month
            assertThat(((Number) retiree.get("contributionMonths")).intValue()).isEqualTo(1);
            Map<String, Object> account = (Map<String, Object>) retiree.get("account");
            assertThat(account.get("balance")).isEqualTo("510.00");
            assertThat((List<Map<String, Object>>) account.get("entries")).extracting(e -> e.get("amount"))
                    .containsExactly("300.00", "210.00");

            // the other two are still 在职职工 with an open period and an empty account
            Map<?, ?> other = personAs(TestTokens.insuredPerson(a), a);
            Map<String, Object> otherInsurance = ((List<Map<String, Object>>) other.get("insurances")).get(0);
            assertThat(otherInsurance.get("category")).isEqualTo("在职职工");
            assertThat(((List<Map<String, Object>>) otherInsurance.get("periods")).get(0).get("to")).isNull();
            assertThat(((Map<String, Object>) other.get("account")).get("balance")).isEqualTo("0.00");

            // a clerk of Lanzhou may read it, and the read is in the audit trail; a Wuwei clerk may not
            personAs(CLERK, c);
            web.post().uri("/api/v1/enrollment/persons/lookup").headers(h -> h.setBearerAuth(TestTokens.clerk("ww", WUWEI)))
                    .bodyValue(Map.of("证件号码", c)).exchange().expectStatus().isNotFound();
            // a number that cannot exist is a 400 naming it, before any lookup (issue "Input hygiene")
            web.post().uri("/api/v1/enrollment/persons/lookup").headers(h -> h.setBearerAuth(CLERK))
                    .bodyValue(Map.of("证件号码", "620602199001011231")).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.violations[0].field").isEqualTo("证件号码");
            assertThat(template.count(new Query(Criteria.where("actor").is("lz-clerk").and("partyId").is(c)),
                    AuditTrail.COLLECTION).block(TIMEOUT)).isPositive();

            // the other services heard about it
            probe.awaitEvent(e -> EmployerEvents.REGISTERED.equals(e.type()) && e.dataJson().contains(uscc), TIMEOUT);
            probe.awaitEvents(e -> PersonEvents.ENROLLED.equals(e.type()) && e.regionCode().equals(LANZHOU)
                    && (e.dataJson().contains(a) || e.dataJson().contains(b) || e.dataJson().contains(c)), 3, TIMEOUT);
            probe.awaitEvents(e -> AccountEvents.CREDITED.equals(e.type()) && e.subject().equals(retiree.get("personId")), 2, TIMEOUT);
            probe.awaitEvent(e -> PersonEvents.CHANGED.equals(e.type()) && e.dataJson().contains("在职转退休")
                    && e.dataJson().contains(c), TIMEOUT);
        }
    }
}
