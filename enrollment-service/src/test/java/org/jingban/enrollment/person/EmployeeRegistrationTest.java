package org.jingban.enrollment.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jingban.enrollment.EnrollmentTest;
import org.jingban.enrollment.account.AccountLedger;
import org.jingban.platform.security.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

class EmployeeRegistrationTest extends EnrollmentTest {

    @Autowired
    InsuredPersons persons;
    @Autowired
    AccountLedger ledger;
    @Autowired
    ReactiveMongoTemplate template;

    private String registeredUnit() {
        String uscc = newUscc();
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(unitForm(uscc, WUWEI)).exchange().expectStatus().isCreated();
        return uscc;
    }

    @Test
    void a_unit_enrolls_three_employees_in_one_submission_and_each_gets_an_account() {
        String uscc = registeredUnit();
        String a = newIdNumber(), b = newIdNumber(), c = newIdNumber();
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(employeeRow("甲", a, "5000.00", "增加"),
                        employeeRow("乙", b, "6000.00", "增加"), employeeRow("丙", c, "7000.00", "增加"))))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.itemCode").isEqualTo("622036001002").jsonPath("$.result.length()").isEqualTo(3)
                .jsonPath("$.result[0].insurances[0].status").isEqualTo("ACTIVE")
                .jsonPath("$.result[0].insurances[0].category").isEqualTo("在职职工");
        InsuredPerson person = persons.findByIdNumber(b).block(TIMEOUT);
        assertThat(ledger.findById(person.getId()).block(TIMEOUT).getBalanceFen()).isZero();
        assertThat(person.getInsurances().get(0).getCategory()).isEqualTo(PersonCategory.IN_SERVICE);
        // the register stores the 人员类别 as its label, as documents written before the enum hold it
        org.bson.Document stored = template.findOne(Query.query(Criteria.where("idNumber").is(b)), org.bson.Document.class,
                "insured_persons").block(TIMEOUT);
        assertThat(stored.getList("insurances", org.bson.Document.class).get(0).getString("category")).isEqualTo("在职职工");

        // the same person again in the same pool and type: refused, with the case stored as 不予受理
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(employeeRow("乙", b, "6000.00", "增加"),
                        employeeRow("丁", newIdNumber(), "6000.00", "中断"))))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.caseNumber").exists()
                .jsonPath("$.violations[0].code").isEqualTo("already-insured")
                .jsonPath("$.violations[1].code").isEqualTo("not-insured")
                .jsonPath("$.violations[1].field").isEqualTo("人员明细[2].变更类别");
    }

    @Test
    void retirement_needs_the_approval_material_and_then_closes_the_contribution_period() {
        String uscc = registeredUnit();
        String id = newIdNumber(1966);
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(employeeRow("老张", id, "4000.00", "增加"))))
                .exchange().expectStatus().isCreated();
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(employeeRow("老张", id, "4000.00", "在职转退休"))))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.violations[0].message").value(m -> assertThat((String) m).contains("退休审批材料"));
        List<String> withApproval = new java.util.ArrayList<>(EMPLOYEE_MATERIALS);
        withApproval.add("退休审批材料");
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(employeesForm(uscc, withApproval, List.of(employeeRow("老张", id, "4000.00", "在职转退休"))))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.result[0].insurances[0].category").isEqualTo("退休人员")
                .jsonPath("$.result[0].insurances[0].status").isEqualTo("ACTIVE")
                .jsonPath("$.result[0].insurances[0].periods[0].to").exists();
    }

    @Test
    void every_problem_of_every_row_is_listed_at_once() {
        String uscc = registeredUnit();
        Map<String, Object> bad = Map.of("姓名", "", "证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", "123"),
                "申报工资", "abc", "变更类别", "调出", "联系电话", "12");
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(employeeRow("甲", newIdNumber(), "1.00", "增加"), bad)))
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.violations[?(@.field == '人员明细[2].姓名')]").exists()
                .jsonPath("$.violations[?(@.field == '人员明细[2].证件类型及号码.证件号码')]").exists()
                .jsonPath("$.violations[?(@.field == '人员明细[2].申报工资')]").exists()
                .jsonPath("$.violations[?(@.field == '人员明细[2].变更类别')].code").isEqualTo("unknown-option")
                .jsonPath("$.violations[?(@.field == '人员明细[2].联系电话')]").exists()
                .jsonPath("$.violations.length()").isEqualTo(5);
    }

    @Test
    void a_flexible_worker_enrolls_themself_without_a_unit_and_it_completes_at_once() {
        String id = newIdNumber();
        Map<String, Object> form = new java.util.LinkedHashMap<>();
        form.put("人员类别", "灵活就业人员");
        form.put("参保险种", "职工基本医疗保险");
        form.put("参保地区", WUWEI);
        form.put("人员明细", List.of(employeeRow("自由", id, "3000.00", "增加")));
        form.put("申请材料", List.of("《职工基本医疗保险参保登记表》", "有效身份证件"));
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id)))
                .bodyValue(form).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("COMPLETED")
                .jsonPath("$.result[0].insurances[0].category").isEqualTo("灵活就业人员");
        // someone else cannot enroll them
        form.put("参保地区", LANZHOU);
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(newIdNumber())))
                .bodyValue(form).exchange().expectStatus().isForbidden();
    }

    @Test
    void a_resident_enrolls_at_once_and_a_date_of_birth_that_contradicts_the_id_number_is_refused() {
        String id = newIdNumber(2012);
        Map<String, Object> form = new java.util.LinkedHashMap<>();
        form.put("姓名", "小明");
        form.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        form.put("出生日期", "2012-13-01");
        form.put("联系电话", "13709351234");
        form.put("户籍地址", "甘肃省武威市凉州区");
        form.put("申请人身份", "中小学儿童");
        form.put("参保地区", WUWEI);
        form.put("申请材料", List.of("有效身份证件", "《城乡居民基本医疗保险参保登记表》"));
        String token = TestTokens.insuredPerson(id);
        web.post().uri("/api/v1/enrollment/residents").headers(h -> h.setBearerAuth(token)).bodyValue(form).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.violations[0].field").isEqualTo("出生日期");
        form.put("出生日期", "20" + id.substring(8, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14));
        web.post().uri("/api/v1/enrollment/residents").headers(h -> h.setBearerAuth(token)).bodyValue(form).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.status").isEqualTo("COMPLETED")
                .jsonPath("$.result.insurances[0].insuranceType").isEqualTo("城乡居民基本医疗保险")
                .jsonPath("$.result.account").doesNotExist();
        web.post().uri("/api/v1/enrollment/residents").headers(h -> h.setBearerAuth(token)).bodyValue(form).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.violations[0].code").isEqualTo("already-insured");
    }

    @Test
    void a_phone_change_completes_at_once_a_name_change_needs_its_material_and_wrong_before_values_are_refused() {
        String uscc = registeredUnit();
        String id = newIdNumber();
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(employeeRow("张三", id, "5000.00", "增加"))))
                .exchange().expectStatus().isCreated();
        String token = TestTokens.insuredPerson(id);
        Map<String, Object> change = new java.util.LinkedHashMap<>();
        change.put("统一社会信用代码/单位编码", uscc);
        change.put("姓名", "张三");
        change.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        change.put("联系电话", "13709351234");
        change.put("关键信息标识", "非关键信息");
        change.put("变更明细", List.of(Map.of("变更项目", "联系电话", "变更前信息", "13709351234", "变更后信息", "13609351234")));
        change.put("申请材料", List.of("医保电子凭证或有效身份证件或社保卡", "《基本医疗保险职工参保信息变更登记表》"));
        web.post().uri("/api/v1/enrollment/employees/changes").headers(h -> h.setBearerAuth(token)).bodyValue(change)
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.itemCode").isEqualTo("622036001005");
        assertThat(persons.findByIdNumber(id).block(TIMEOUT).getPhone()).isEqualTo("13609351234");

        change.put("变更明细", List.of(Map.of("变更项目", "联系电话", "变更前信息", "13709351234", "变更后信息", "13509351234")));
        web.post().uri("/api/v1/enrollment/employees/changes").headers(h -> h.setBearerAuth(token)).bodyValue(change)
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.violations[0].code").isEqualTo("before-mismatch");

        change.put("关键信息标识", "关键信息");
        change.put("变更明细", List.of(Map.of("变更项目", "姓名", "变更前信息", "张三", "变更后信息", "张叁")));
        web.post().uri("/api/v1/enrollment/employees/changes").headers(h -> h.setBearerAuth(token)).bodyValue(change)
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.violations[0].message").value(m -> assertThat((String) m).contains("关键信息的必要的对应辅助材料"));
        change.put("申请材料", List.of("医保电子凭证或有效身份证件或社保卡", "《基本医疗保险职工参保信息变更登记表》",
                "变更姓名、性别、身份证号、出生日期等关键信息的必要的对应辅助材料"));
        web.post().uri("/api/v1/enrollment/employees/changes").headers(h -> h.setBearerAuth(token)).bodyValue(change)
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.result.name").isEqualTo("张叁")
                .jsonPath("$.result.changes[?(@.field == '姓名')].before").isEqualTo("张三");
    }
}
