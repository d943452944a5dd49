package org.jingban.enrollment.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jingban.enrollment.EnrollmentTest;
import org.jingban.platform.security.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 表2 变更类别 中断 / 恢复 / 统筹地区内转移, and 表6 for a resident. */
class EmployeeMovementsTest extends EnrollmentTest {

    @Autowired
    InsuredPersons persons;

    private String unit() {
        String uscc = newUscc();
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(unitForm(uscc, WUWEI)).exchange().expectStatus().isCreated();
        return uscc;
    }

    private void row(String uscc, String name, String id, String change, int status) {
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(employeeRow(name, id, "4500.00", change))))
                .exchange().expectStatus().isEqualTo(status);
    }

    @Test
    void an_employee_is_interrupted_resumed_and_moved_to_another_unit_of_the_same_pool() {
        String first = unit(), second = unit();
        String id = newIdNumber();
        row(first, "流动", id, "增加", 201);
        row(first, "流动", id, "恢复", 422);          // not interrupted
        row(second, "流动", id, "中断", 422);         // not insured through the second unit
        row(first, "流动", id, "中断", 201);
        assertThat(persons.findByIdNumber(id).block(TIMEOUT).insurance("职工基本医疗保险", WUWEI).orElseThrow().getStatus())
                .isEqualTo(Insurance.Status.INTERRUPTED);
        row(first, "流动", id, "恢复", 201);
        row(second, "流动", id, "统筹地区内转移", 201);
        Insurance insurance = persons.findByIdNumber(id).block(TIMEOUT).insurance("职工基本医疗保险", WUWEI).orElseThrow();
        assertThat(insurance.getStatus()).isEqualTo(Insurance.Status.ACTIVE);
        assertThat(insurance.getUnitName()).isEqualTo("武威市测试商贸有限公司");
        assertThat(insurance.getPeriods()).hasSize(3);
        assertThat(insurance.getPeriods().get(2).open()).isTrue();
        assertThat(insurance.getPeriods().get(2).unitId()).isNotEqualTo(insurance.getPeriods().get(0).unitId());
        // three periods within this month are one contribution month
        assertThat(insurance.contributionMonths(java.time.YearMonth.now(org.jingban.platform.cases.Case.ZONE))).isEqualTo(1);
        row(second, "流动", id, "统筹地区内转移", 422); // already there
    }

    @Test
    void a_resident_changes_the_household_address_at_once() {
        String id = newIdNumber(2001);
        Map<String, Object> form = new java.util.LinkedHashMap<>();
        form.put("姓名", "学生");
        form.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        form.put("出生日期", "2001-" + id.substring(10, 12) + "-" + id.substring(12, 14));
        form.put("联系电话", "13709351234");
        form.put("户籍地址", "甘肃省武威市古浪县");
        form.put("申请人身份", "大学生");
        form.put("参保地区", WUWEI);
        form.put("申请材料", List.of("有效身份证件", "《城乡居民基本医疗保险参保登记表》"));
        String token = TestTokens.insuredPerson(id);
        web.post().uri("/api/v1/enrollment/residents").headers(h -> h.setBearerAuth(token)).bodyValue(form).exchange()
                .expectStatus().isCreated();
        Map<String, Object> change = new java.util.LinkedHashMap<>();
        change.put("姓名", "学生");
        change.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        change.put("联系电话", "13709351234");
        change.put("关键信息标识", "非关键信息");
        change.put("变更明细", List.of(Map.of("变更项目", "户籍地址", "变更前信息", "甘肃省武威市古浪县", "变更后信息", "甘肃省武威市凉州区")));
        change.put("申请材料", List.of("医保电子凭证或有效身份证件或社保卡", "《基本医疗保险城乡居民参保信息变更登记表》"));
        web.post().uri("/api/v1/enrollment/residents/changes").headers(h -> h.setBearerAuth(token)).bodyValue(change).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.itemCode").isEqualTo("622036001006");
        assertThat(persons.findByIdNumber(id).block(TIMEOUT).getHouseholdAddress()).isEqualTo("甘肃省武威市凉州区");
        // 表6 has no unit field, and a worker's change item does not apply to a resident-only person
        web.post().uri("/api/v1/enrollment/employees/changes").headers(h -> h.setBearerAuth(token)).bodyValue(change).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.violations[0].code").isEqualTo("not-insured");
    }
}
