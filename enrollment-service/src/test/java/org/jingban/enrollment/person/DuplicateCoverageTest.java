package org.jingban.enrollment.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jingban.enrollment.EnrollmentTest;
import org.jingban.platform.security.test.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * 重复参保 across pools and schemes. Seed 002 (《医疗保障经办政务服务事项办事指南》) §二(五) 事项办理条件 of 职工参保登记:
 * "…未在用人单位参加基本医疗保险的非全日制从业人员以及其他灵活就业人员，可以向医疗保障经办机构申请办理参加职工基本医疗保险登记";
 * §三(五) of 城乡居民参保登记: "未参加职工医保或其他医疗保障制度的全体城乡居民可以申请办理城乡居民基本医疗保险参保登记".
 */
class DuplicateCoverageTest extends EnrollmentTest {

    private String unitIn(String region) {
        String uscc = newUscc();
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(unitForm(uscc, region)).exchange().expectStatus().isCreated();
        return uscc;
    }

    private void employ(String uscc, String id, String changeType) {
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(employeeRow("魏明", id, "5000.00", changeType))))
                .exchange().expectStatus().isCreated();
    }

    private static Map<String, Object> flexibleForm(String id, String region) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("人员类别", "灵活就业人员");
        form.put("参保险种", "职工基本医疗保险");
        form.put("参保地区", region);
        form.put("人员明细", List.of(employeeRow("魏明", id, "3000.00", "增加")));
        form.put("申请材料", List.of("《职工基本医疗保险参保登记表》", "有效身份证件"));
        return form;
    }

    private static Map<String, Object> residentForm(String id, String region) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("姓名", "魏明");
        form.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        form.put("出生日期", "1990-" + id.substring(10, 12) + "-" + id.substring(12, 14));
        form.put("联系电话", "13709351234");
        form.put("户籍地址", "甘肃省兰州市城关区");
        form.put("申请人身份", "无业成年人");
        form.put("参保地区", region);
        form.put("申请材料", List.of("有效身份证件", "《城乡居民基本医疗保险参保登记表》"));
        return form;
    }

    @Test
    void someone_insured_through_a_unit_in_one_pool_cannot_enrol_as_a_flexible_worker_in_another_until_the_unit_stops() {
        String uscc = unitIn(WUWEI);
        String id = newIdNumber(1990);
        employ(uscc, id, "增加");
        String token = TestTokens.insuredPerson(id);

        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(token))
                .bodyValue(flexibleForm(id, LANZHOU)).exchange().expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.caseNumber").exists()
                .jsonPath("$.violations.length()").isEqualTo(1)
                .jsonPath("$.violations[0].code").isEqualTo("insured-through-unit")
                .jsonPath("$.violations[0].field").isEqualTo("人员明细[1].变更类别")
                // the one-time notice names the existing coverage: region, scheme, unit, since when
                .jsonPath("$.violations[0].message").value(m -> assertThat((String) m)
                        .contains("武威市（620600）").contains("职工基本医疗保险").contains("起")
                        .contains("未在用人单位参加基本医疗保险"));

        // the unit stops contributing (中断): no longer insured through it, so the flexible enrollment goes through
        employ(uscc, id, "中断");
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(token))
                .bodyValue(flexibleForm(id, LANZHOU)).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("COMPLETED");
    }

    @Test
    void a_person_with_active_employee_insurance_cannot_also_enrol_as_a_resident_anywhere() {
        String uscc = unitIn(WUWEI);
        String id = newIdNumber(1990);
        employ(uscc, id, "增加");
        String token = TestTokens.insuredPerson(id);
        for (String region : List.of(WUWEI, LANZHOU)) {
            web.post().uri("/api/v1/enrollment/residents").headers(h -> h.setBearerAuth(token))
                    .bodyValue(residentForm(id, region)).exchange().expectStatus().isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.violations[0].code").isEqualTo("has-employee-insurance")
                    .jsonPath("$.violations[0].message").value(m -> assertThat((String) m)
                            .contains("武威市（620600）").contains("职工基本医疗保险")
                            .contains("未参加职工医保或其他医疗保障制度"));
        }
    }

    @Test
    void a_resident_insured_in_one_pool_cannot_enrol_as_a_resident_in_another_while_it_is_active() {
        String id = resident(WUWEI);
        Map<String, Object> form = residentForm(id, LANZHOU);
        form.put("出生日期", "1995-" + id.substring(10, 12) + "-" + id.substring(12, 14));
        web.post().uri("/api/v1/enrollment/residents").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id)))
                .bodyValue(form).exchange().expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.violations[0].code").isEqualTo("already-insured-elsewhere")
                .jsonPath("$.violations[0].message").value(m -> assertThat((String) m)
                        .contains("武威市（620600）").contains("城乡居民基本医疗保险").contains("中止或终止"));
    }
}
