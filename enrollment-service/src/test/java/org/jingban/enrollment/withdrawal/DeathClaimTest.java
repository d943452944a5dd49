package org.jingban.enrollment.withdrawal;

import java.util.List;
import java.util.Map;

import org.jingban.enrollment.EnrollmentTest;
import org.jingban.platform.security.test.TestTokens;
import org.junit.jupiter.api.Test;

/** 因死亡支取: the heirs' representative applies at a window; without shared death data a 个人承诺书 stands in. */
class DeathClaimTest extends EnrollmentTest {

    @Test
    void the_heirs_representative_applies_with_the_heirs_materials_or_a_promise_in_their_place() {
        String uscc = newUscc();
        String agent = TestTokens.employerAgent(uscc);
        String deceased = newIdNumber(1950), heir = newIdNumber(1978);
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(agent)).bodyValue(unitForm(uscc, WUWEI))
                .exchange().expectStatus().isCreated();
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(agent))
                .bodyValue(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(employeeRow("故人", deceased, "5000.00", "增加"))))
                .exchange().expectStatus().isCreated();
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(agent))
                .bodyValue(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(employeeRow("故人", deceased, "5000.00", "终止"))))
                .exchange().expectStatus().isCreated();

        Map<String, Object> form = new java.util.LinkedHashMap<>();
        form.put("参保人员姓名", "故人");
        form.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", deceased));
        form.put("支取原因", "死亡");
        form.put("参保单位名称", "武威市测试商贸有限公司");
        form.put("参保人员银行账户信息(账号、开户行；非本人账户提供相关材料)", Map.of("账号", "6222021234567890128", "开户行", "工行"));
        form.put("领取人(继承人、代表人)姓名", "继承人");
        form.put("领取人(继承人、代表人)证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", heir));
        form.put("与参保人员关系", "子女");
        form.put("领取人(继承人、代表人)联系方式", "13709351234");
        form.put("死亡信息可通过数据共享查询", false);
        form.put("申请材料", List.of("医保电子凭证或有效身份证件或社保卡", "《职工基本医疗保险个人账户一次性支取申领表》",
                "收款账户及继承人身份材料"));
        form.put("承诺替代材料", List.of("个人承诺书"));
        // the representative may apply at a window (or online as themself); a third person may not
        web.post().uri("/api/v1/enrollment/withdrawals").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(newIdNumber())))
                .bodyValue(form).exchange().expectStatus().isForbidden();
        web.post().uri("/api/v1/enrollment/withdrawals").headers(h -> h.setBearerAuth(TestTokens.clerk("ww-window", WUWEI)))
                .bodyValue(form).exchange().expectStatus().isAccepted()
                .expectBody().jsonPath("$.itemCode").isEqualTo("622036002003").jsonPath("$.status").isEqualTo("SUBMITTED");
    }
}
