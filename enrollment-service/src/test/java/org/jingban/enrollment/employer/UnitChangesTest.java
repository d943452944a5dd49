package org.jingban.enrollment.employer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jingban.enrollment.EnrollmentTest;
import org.jingban.platform.security.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UnitChangesTest extends EnrollmentTest {

    @Autowired
    Employers employers;

    private Map<String, Object> changeForm(String uscc, Map<String, Object> unitForm) {
        @SuppressWarnings("unchecked")
        Map<String, Object> rep = (Map<String, Object>) unitForm.get("法定代表人信息(姓名、证件类型及号码、电话)");
        Map<String, Object> form = new java.util.LinkedHashMap<>();
        form.put("统一社会信用代码/单位编码", uscc);
        form.put("单位名称", unitForm.get("单位名称"));
        form.put("单位地址", unitForm.get("通讯地址"));
        form.put("单位类型", unitForm.get("单位性质"));
        form.put("开户银行信息", unitForm.get("银行账户信息(账号、开户行；非本人账户提供相关材料)"));
        form.put("法定代表人/负责人姓名", rep.get("姓名"));
        form.put("法定代表人/负责人证件类型及号码", rep.get("证件类型及号码"));
        form.put("法定代表人/负责人联系电话", rep.get("电话"));
        form.put("缴费单位经办人员姓名", "钱七");
        form.put("缴费单位经办人员联系电话", "13809351234");
        form.put("申请材料", List.of("《基本医疗保险参保单位信息变更登记表》"));
        return form;
    }

    @Test
    void a_new_address_is_changed_at_once_with_before_and_after_and_a_new_legal_representative_needs_material() {
        String uscc = newUscc();
        String agent = TestTokens.employerAgent(uscc);
        Map<String, Object> registration = unitForm(uscc, WUWEI);
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(agent)).bodyValue(registration)
                .exchange().expectStatus().isCreated();

        Map<String, Object> same = changeForm(uscc, registration);
        web.post().uri("/api/v1/enrollment/units/changes").headers(h -> h.setBearerAuth(agent)).bodyValue(same).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.violations[0].code").isEqualTo("nothing-changed");

        Map<String, Object> moved = new java.util.LinkedHashMap<>(same);
        moved.put("单位地址", "甘肃省武威市凉州区西大街9号");
        web.post().uri("/api/v1/enrollment/units/changes").headers(h -> h.setBearerAuth(agent)).bodyValue(moved).exchange()
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.itemCode").isEqualTo("622036001004")
                .jsonPath("$.result.address").isEqualTo("甘肃省武威市凉州区西大街9号")
                .jsonPath("$.result.changes[0].field").isEqualTo("单位地址")
                .jsonPath("$.result.changes[0].before").isEqualTo("甘肃省武威市凉州区东大街1号")
                .jsonPath("$.result.changes[0].key").isEqualTo(false);

        Map<String, Object> newRep = new java.util.LinkedHashMap<>(moved);
        newRep.put("法定代表人/负责人姓名", "孙八");
        newRep.put("法定代表人/负责人证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", newIdNumber()));
        web.post().uri("/api/v1/enrollment/units/changes").headers(h -> h.setBearerAuth(agent)).bodyValue(newRep).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.violations[0].message")
                .value(m -> assertThat((String) m).contains("变更统一社会信用代码、法定代表人等关键信息的必要的对应辅助材料"));
        newRep.put("申请材料", List.of("《基本医疗保险参保单位信息变更登记表》", "变更统一社会信用代码、法定代表人等关键信息的必要的对应辅助材料"));
        web.post().uri("/api/v1/enrollment/units/changes").headers(h -> h.setBearerAuth(agent)).bodyValue(newRep).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.result.legalRepresentative").isEqualTo("孙八")
                .jsonPath("$.result.changes[?(@.field == '法定代表人/负责人证件类型及号码')].after")
                .value(v -> assertThat(v.toString()).contains("*"));

        web.post().uri("/api/v1/enrollment/units/changes").headers(h -> h.setBearerAuth(agent)).bodyValue(Map.of()).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void a_unit_with_insured_staff_cannot_be_cancelled_but_can_be_suspended() {
        String uscc = newUscc();
        String agent = TestTokens.employerAgent(uscc);
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(agent)).bodyValue(unitForm(uscc, WUWEI))
                .exchange().expectStatus().isCreated();
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(agent))
                .bodyValue(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(employeeRow("职工", newIdNumber(), "4000.00", "增加"))))
                .exchange().expectStatus().isCreated();

        Map<String, Object> cancel = new java.util.LinkedHashMap<>(unitForm(uscc, WUWEI));
        cancel.put("登记类型", "注销登记");
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(agent)).bodyValue(cancel).exchange()
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.violations[0].code").isEqualTo("staff-still-insured")
                // the 注销证明 is 松潘's material (seed 003 备注), not Gansu's: Wuwei does not ask for it
                .jsonPath("$.violations.length()").isEqualTo(1);

        Map<String, Object> suspend = new java.util.LinkedHashMap<>(unitForm(uscc, WUWEI));
        suspend.put("登记类型", "暂停登记");
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(agent)).bodyValue(suspend).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.result.status").isEqualTo("SUSPENDED");
        // a suspended unit cannot add staff
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(agent))
                .bodyValue(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(employeeRow("新人", newIdNumber(), "4000.00", "增加"))))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.violations[0].code").isEqualTo("unit-not-active");
    }

    /**
     * Seed 003 (松潘县医疗保障经办政务服务事项办事指南) 单位参保登记 备注: "办理单位拆分、合并、分立的，需提供有权机关(单位)批准的
     * 文件；办理单位注销登记的，需提供有权机关(单位)出具的注销证明文件或注销资料(加盖单位公章)" — asked for in 松潘 (513224) only.
     */
    @Test
    void songpans_cancellation_needs_its_proof_and_a_restructuring_its_approval() {
        String clerk = TestTokens.clerk("sp-window", "513224");
        String uscc = newUscc();
        Map<String, Object> cancel = new java.util.LinkedHashMap<>(unitForm(uscc, "513224"));
        cancel.put("登记类型", "注销登记");
        assertThat(caseMaterial(cancel, TestTokens.employerAgent(uscc), clerk,
                "有权机关(单位)出具的注销证明文件或注销资料(加盖单位公章)")).isEqualTo("MISSING");
        Map<String, Object> restructure = new java.util.LinkedHashMap<>(unitForm(newUscc(), "513224"));
        restructure.put("登记类型", "拆分合并分立");
        restructure.put("原统一社会信用代码", uscc);
        assertThat(caseMaterial(restructure, TestTokens.employerAgent((String) restructure.get("统一社会信用代码")), clerk,
                "有权机关(单位)批准的文件")).isEqualTo("MISSING");
        // the same 注销 in Wuwei does not list it
        Map<String, Object> wuwei = new java.util.LinkedHashMap<>(unitForm(uscc, WUWEI));
        wuwei.put("登记类型", "注销登记");
        assertThat(caseMaterial(wuwei, TestTokens.employerAgent(uscc), TestTokens.clerk("ww", WUWEI),
                "有权机关(单位)出具的注销证明文件或注销资料(加盖单位公章)")).isNull();
    }

    /** Submits 表1 and reads the stored case's state of one material (null: not listed for this case). */
    @SuppressWarnings("unchecked")
    private String caseMaterial(Map<String, Object> form, String agent, String clerk, String material) {
        Map<?, ?> answer = web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(agent)).bodyValue(form)
                .exchange().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> stored = web.get().uri("/api/v1/enrollment/cases/{n}", answer.get("caseNumber"))
                .headers(h -> h.setBearerAuth(clerk)).exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        return ((List<Map<String, Object>>) stored.get("materials")).stream().filter(m -> material.equals(m.get("name")))
                .map(m -> (String) m.get("state")).findFirst().orElse(null);
    }
}
