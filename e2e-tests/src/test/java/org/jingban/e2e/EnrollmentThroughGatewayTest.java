package org.jingban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jingban.enrollment.api.EnrollmentTopics;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's end-to-end scenario on the packaged services, everything through the gateway with dev tokens: in Lanzhou a
 * unit registers (受理, 审核, 办结 by its staff), enrolls three employees in one 表2, the tax bureau's contribution data
 * is credited, one employee changes to 在职转退休, and the person query shows the periods and the balance.
 */
class EnrollmentThroughGatewayTest extends E2eTest {

    @Test
    void a_unit_registers_enrolls_three_employees_one_retires_and_the_query_shows_periods_and_balance() {
        String uscc = newUscc(LANZHOU);
        String agent = api.agent(uscc);
        String a = newIdNumber(1990), b = newIdNumber(1985), c = newIdNumber(1966);

        // bad input first: every problem at once, nothing stored
        Map<String, Object> problem = api.post("/api/v1/enrollment/units", agent, Map.of("统一社会信用代码", uscc)).expect(400);
        assertThat(Api.maps(problem.get("violations"))).hasSizeGreaterThan(3);

        // 1. 单位参保登记 in Lanzhou: a 承诺件, waits for 受理 and takes effect at 办结
        Map<String, Object> unitCase = api.post("/api/v1/enrollment/units", agent, unitForm(uscc, "兰州市端到端测试有限公司", LANZHOU))
                .expect(202);
        assertThat(unitCase.get("itemCode")).isEqualTo("622036001001");
        handle("enrollment", (String) unitCase.get("caseNumber"), LANZHOU);
        eventually("unit registered", () -> api.get("/api/v1/enrollment/units/" + uscc, agent).expect(200));

        // 2. 职工参保登记: three employees in one 表2
        Map<String, Object> employees = api.post("/api/v1/enrollment/employees", agent, employeesForm(uscc, EMPLOYEE_MATERIALS,
                List.of(employeeRow("甲", a, "5000.00", "增加"), employeeRow("乙", b, "6000.00", "增加"),
                        employeeRow("丙", c, "7000.00", "增加")))).expect(202);
        handle("enrollment", (String) employees.get("caseNumber"), LANZHOU);
        Map<String, Object> unit = eventually("three employees insured", () -> {
            Map<String, Object> q = api.get("/api/v1/enrollment/units/" + uscc, agent).expect(200);
            return ((Number) q.get("activeStaff")).intValue() == 3 ? q : null;
        });
        assertThat(Api.maps(unit.get("staff"))).extracting(s -> (String) s.get("idNumber"))
                .allSatisfy(id -> assertThat(id).contains("*"));       // masked even for the unit's own agent

        // 3. the tax bureau's contribution data for 丙: 1000.00 and 700.00, the configured share credited
        List<Map<String, Object>> postings = new ArrayList<>();
        postings.add(Map.of("serialNumber", "E2E-" + c + "-1", "idNumber", c, "period", "202610",
                "insuranceType", EMPLOYEE, "regionCode", LANZHOU, "contributionAmount", "1000.00"));
        postings.add(Map.of("serialNumber", "E2E-" + c + "-2", "idNumber", c, "period", "202611",
                "insuranceType", EMPLOYEE, "regionCode", LANZHOU, "contributionAmount", "700.00"));
        String taxBureau = api.system("tax-bureau", "enrollment:contributions");
        List<Object> lines = api.post("/api/v1/enrollment/accounts/contributions", taxBureau, Map.of("postings", postings)).list();
        assertThat(lines).extracting(l -> Api.map(l).get("status")).containsExactly("CREDITED", "CREDITED");
        assertThat(lines).extracting(l -> Api.map(l).get("creditedAmount")).containsExactly("300.00", "210.00");
        // the same batch again (the bureau retries): nothing is credited twice
        List<Object> replayed = api.post("/api/v1/enrollment/accounts/contributions", taxBureau, Map.of("postings", postings)).list();
        assertThat(replayed).extracting(l -> Api.map(l).get("status")).containsExactly("REPLAYED", "REPLAYED");

        // 4. 在职转退休 for 丙, with the 退休审批材料
        List<String> withApproval = new ArrayList<>(EMPLOYEE_MATERIALS);
        withApproval.add("退休审批材料");
        Map<String, Object> retirement = api.post("/api/v1/enrollment/employees", agent, employeesForm(uscc, withApproval,
                List.of(employeeRow("丙", c, "7000.00", "在职转退休")))).expect(202);
        handle("enrollment", (String) retirement.get("caseNumber"), LANZHOU);

        // 5. 丙's own query: 退休人员, one period, the months and the balance 300.00 + 210.00
        Map<String, Object> retiree = eventually("在职转退休 applied", () -> {
            Map<String, Object> view = personQuery(api.person(c), c);
            return "退休人员".equals(insurance(view, EMPLOYEE, LANZHOU).get("category")) ? view : null;
        });
        Map<String, Object> insurance = insurance(retiree, EMPLOYEE, LANZHOU);
        assertThat(insurance).containsEntry("status", "ACTIVE").containsEntry("unitName", "兰州市端到端测试有限公司");
        List<Map<String, Object>> periods = Api.maps(insurance.get("periods"));
        assertThat(periods).hasSize(1);
        assertThat(periods.get(0).get("from")).isNotNull();
        assertThat(((Number) retiree.get("contributionMonths")).intValue()).isEqualTo(1);
        Map<String, Object> account = Api.map(retiree.get("account"));
        assertThat(account.get("balance")).isEqualTo("510.00");
        assertThat(Api.maps(account.get("entries"))).extracting(e -> e.get("amount")).containsExactly("300.00", "210.00");

        // 甲 is still 在职职工 with an open period and an empty account
        Map<String, Object> other = personQuery(api.person(a), a);
        Map<String, Object> otherInsurance = insurance(other, EMPLOYEE, LANZHOU);
        assertThat(otherInsurance.get("category")).isEqualTo("在职职工");
        assertThat(Api.maps(otherInsurance.get("periods")).get(0).get("to")).isNull();
        assertThat(Api.map(other.get("account")).get("balance")).isEqualTo("0.00");

        // staff of Lanzhou may read 丙's record; a Wuwei clerk is told it does not exist; a person only sees themself
        personQuery(api.clerk(LANZHOU), c);
        assertThat(api.post("/api/v1/enrollment/persons/lookup", api.clerk(WUWEI), Map.of("证件号码", c)).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/enrollment/persons/lookup", api.person(a), Map.of("证件号码", c)).status()).isIn(403, 404);

        // issue 6: 甲 asks to change a key item (姓名) of 表5 without its supporting material: refused (不予受理) with the
        // reason, and the 未完成 SMS with that reason reaches notification-service's local sink exactly once
        String person = api.person(a);
        // the SMS goes to the 联系电话 of the registration: notification-service has read the person's events
        stack.awaitConsumed("notification-service", org.jingban.enrollment.api.EnrollmentTopics.EVENTS);
        Map<String, Object> change = new java.util.LinkedHashMap<>();
        change.put("统一社会信用代码/单位编码", uscc);
        change.put("姓名", "甲");
        change.put("证件类型及号码", idDoc(a));
        change.put("联系电话", "13709351234");
        change.put("关键信息标识", "关键信息");
        change.put("变更明细", List.of(Map.of("变更项目", "姓名", "变更前信息", "甲", "变更后信息", "甲一")));
        change.put("申请材料", List.of("医保电子凭证或有效身份证件或社保卡", "《基本医疗保险职工参保信息变更登记表》"));
        Map<String, Object> refused = api.post("/api/v1/enrollment/employees/changes", person, change).expect(422);
        String refusedCase = (String) refused.get("caseNumber");
        assertThat(refusedCase).isNotNull();
        String ops = api.ops();
        eventually("未完成 SMS in the outbox", () -> {
            Map<String, Object> page = api.get("/api/v1/notifications/outbox?channel=SMS&caseNumber=" + refusedCase, ops).expect(200);
            return ((Number) page.get("total")).intValue() > 0 ? page : null;
        });
        stack.awaitConsumed("notification-service", EnrollmentTopics.EVENTS);
        Map<String, Object> outbox = api.get("/api/v1/notifications/outbox?channel=SMS&caseNumber=" + refusedCase, ops).expect(200);
        assertThat(Api.maps(outbox.get("items"))).as(outbox.toString()).singleElement().satisfies(m -> {
            assertThat(m.get("templateEvent")).isEqualTo("failed");
            assertThat((String) m.get("text")).startsWith("【").contains("尊敬的甲,您于")
                    .contains("办理的职工参保信息变更登记未完成。原因为：").contains("关键信息的必要的对应辅助材料").doesNotContain("*");
        });
    }
}
