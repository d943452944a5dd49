package org.jingban.enrollment.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jingban.enrollment.EnrollmentTest;
import org.jingban.platform.security.test.TestTokens;
import org.junit.jupiter.api.Test;

/** 表2's extra materials: 港澳台, 外国人, 出国(境)定居, 委托办理 — listed together when missing. */
class SpecialGroupsMaterialsTest extends EnrollmentTest {

    @Test
    void each_special_group_of_the_submission_adds_its_material_and_all_missing_ones_are_listed_at_once() {
        String uscc = newUscc();
        String agent = TestTokens.employerAgent(uscc);
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(agent)).bodyValue(unitForm(uscc, WUWEI))
                .exchange().expectStatus().isCreated();
        String leaving = newIdNumber();
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(agent))
                .bodyValue(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(employeeRow("出国者", leaving, "5000.00", "增加"))))
                .exchange().expectStatus().isCreated();

        Map<String, Object> hk = new java.util.HashMap<>(employeeRow("港生", newIdNumber(), "6000.00", "增加"));
        hk.put("人员身份", "港澳台居民");
        Map<String, Object> foreigner = new java.util.HashMap<>(employeeRow("外籍", newIdNumber(), "6000.00", "增加"));
        foreigner.put("人员身份", "外国人");
        Map<String, Object> emigrating = new java.util.HashMap<>(employeeRow("出国者", leaving, "5000.00", "终止"));
        emigrating.put("备注", "出国(境)定居");
        Map<String, Object> form = new java.util.HashMap<>(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(hk, foreigner, emigrating)));
        // 委托办理 (seed 001 row 2): the unit sends its 被委托人, who needs the 授权委托书 and both identity documents
        form.put("被委托人", Map.of("姓名", "孙代办", "证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", newIdNumber()),
                "联系电话", "13709351299"));

        List<String> messages = web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(agent))
                .bodyValue(form).exchange().expectStatus().isEqualTo(422)
                .expectBody(Map.class).returnResult().getResponseBody() instanceof Map<?, ?> problem
                ? ((List<?>) problem.get("violations")).stream().map(v -> (String) ((Map<?, ?>) v).get("message")).toList()
                : List.of();
        assertThat(messages).hasSize(4);
        assertThat(String.join("|", messages)).contains("港澳居民来往内地通行证或港澳台居民居住证、建立劳动关系的证明")
                .contains("外国人就业证件及居留证件，或外国人永久居留证").contains("护照或永久居留证")
                .contains("委托人及代理人身份证件原件及委托人授权委托书");

        List<String> all = new java.util.ArrayList<>(EMPLOYEE_MATERIALS);
        all.addAll(List.of("港澳居民来往内地通行证或港澳台居民居住证、建立劳动关系的证明", "外国人就业证件及居留证件，或外国人永久居留证",
                "护照或永久居留证", "委托人及代理人身份证件原件及委托人授权委托书"));
        form.put("申请材料", all);
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(agent)).bodyValue(form).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.result.length()").isEqualTo(3);
    }
}
