package org.jingban.enrollment.withdrawal;

import java.util.List;
import java.util.Map;

import org.jingban.enrollment.EnrollmentTest;
import org.jingban.platform.security.test.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * 因死亡支取. Seed 002 §九(十一) 申请材料 3: "因死亡支取的提供…收款人身份证、银行卡账户信息，通过数据共享无法查询死亡信息的应提供
 * 个人承诺书": the death is looked up in the shared data (not taken from the applicant's word); only when it is not found
 * does the 个人承诺书 stand in.
 */
class DeathClaimTest extends EnrollmentTest {

    @Test
    void the_heirs_representative_applies_with_the_heirs_materials_or_a_promise_in_their_place() {
        String uscc = newUscc();
        String agent = TestTokens.employerAgent(uscc);
        String deceased = newIdNumber(1950);
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(agent)).bodyValue(unitForm(uscc, WUWEI))
                .exchange().expectStatus().isCreated();
        Map<String, Object> form = deathClaim(agent, uscc, deceased);
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(agent))
                .bodyValue(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(employeeRow("故人", deceased, "5000.00", "终止"))))
                .exchange().expectStatus().isCreated();
        form.put("承诺替代材料", List.of("个人承诺书"));
        // the representative may apply at a window (or online as themself); a third person may not
        web.post().uri("/api/v1/enrollment/withdrawals").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(newIdNumber())))
                .bodyValue(form).exchange().expectStatus().isForbidden();
        web.post().uri("/api/v1/enrollment/withdrawals").headers(h -> h.setBearerAuth(TestTokens.clerk("ww-window", WUWEI)))
                .bodyValue(form).exchange().expectStatus().isAccepted()
                .expectBody().jsonPath("$.itemCode").isEqualTo("622036002003").jsonPath("$.status").isEqualTo("SUBMITTED");
    }

    private Map<String, Object> deathClaim(String agent, String uscc, String deceased) {
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(agent))
                .bodyValue(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(employeeRow("故人", deceased, "5000.00", "增加"))))
                .exchange().expectStatus().isCreated();
        Map<String, Object> form = new java.util.LinkedHashMap<>();
        form.put("参保人员姓名", "故人");
        form.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", deceased));
        form.put("支取原因", "死亡");
        form.put("参保单位名称", "武威市测试商贸有限公司");
        form.put("参保人员银行账户信息(账号、开户行；非本人账户提供相关材料)", Map.of("账号", "6222021234567890128", "开户行", "工行"));
        form.put("领取人(继承人、代表人)姓名", "继承人");
        form.put("领取人(继承人、代表人)证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", newIdNumber(1975)));
        form.put("与参保人员关系", "子女");
        form.put("领取人(继承人、代表人)联系方式", "13709351234");
        form.put("申请材料", List.of("医保电子凭证或有效身份证件或社保卡", "《职工基本医疗保险个人账户一次性支取申领表》",
                "收款账户及继承人身份材料"));
        return form;
    }

    private void expectPromise(String clerk, Map<String, Object> form, boolean missing) {
        Map<?, ?> submitted = web.post().uri("/api/v1/enrollment/withdrawals").headers(h -> h.setBearerAuth(clerk))
                .bodyValue(form).exchange().expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        var body = web.get().uri("/api/v1/enrollment/cases/{n}", submitted.get("caseNumber"))
                .headers(h -> h.setBearerAuth(clerk)).exchange().expectStatus().isOk().expectBody();
        String promise = "$.materials[?(@.name == '个人承诺书' && @.state == 'MISSING')]";
        if (missing) {
            body.jsonPath(promise).exists();
        } else {
            body.jsonPath(promise).doesNotExist();
        }
    }

    @Test
    void a_death_found_in_the_shared_data_needs_no_promise_and_the_applicants_own_claim_of_it_is_not_taken() {
        String uscc = newUscc();
        String agent = TestTokens.employerAgent(uscc);
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(agent)).bodyValue(unitForm(uscc, WUWEI))
                .exchange().expectStatus().isCreated();
        String clerk = TestTokens.clerk("ww-window", WUWEI);
        String system = TestTokens.system("mz-exchange");

        // still 参保缴费 when they died (death ends the relationship by itself); the applicant says the data has it —
        // the field is the office's finding, so the 个人承诺书 is still asked for
        String unrecorded = newIdNumber(1948);
        Map<String, Object> claim = deathClaim(agent, uscc, unrecorded);
        claim.put("死亡信息已通过数据共享核验", true);
        expectPromise(clerk, claim, true);

        // the civil-affairs exchange delivers a death (a system client only; its problems all at once)
        String recorded = newIdNumber(1949);
        Map<String, Object> death = Map.of("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", recorded),
                "死亡日期", "2026-10-03", "数据来源", "民政部门");
        web.post().uri("/api/v1/enrollment/shared-data/death-records").headers(h -> h.setBearerAuth(clerk))
                .bodyValue(death).exchange().expectStatus().isForbidden();
        web.post().uri("/api/v1/enrollment/shared-data/death-records").headers(h -> h.setBearerAuth(system))
                .bodyValue(Map.of("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", "123"), "死亡日期", "2026-13-03"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.violations.length()").isEqualTo(2);
        web.post().uri("/api/v1/enrollment/shared-data/death-records").headers(h -> h.setBearerAuth(system))
                .bodyValue(death).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.证件号码").value(n -> org.assertj.core.api.Assertions.assertThat((String) n)
                        .doesNotContain(recorded.substring(6, 14)));
        expectPromise(clerk, deathClaim(agent, uscc, recorded), false);
    }

    /**
     * 表7's 被委托人 block: an agent applying for the heirs' representative is 委托办理, so the 授权委托书 and both
     * identity documents are asked for — seed 001 row 2 "委托办理的，应提供委托人及代理人身份证件原件及委托人授权委托书（下同）".
     */
    @Test
    void an_agent_in_the_form_7_block_needs_the_power_of_attorney_and_its_fields_are_checked() {
        String uscc = newUscc();
        String agent = TestTokens.employerAgent(uscc);
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(agent)).bodyValue(unitForm(uscc, WUWEI))
                .exchange().expectStatus().isCreated();
        String clerk = TestTokens.clerk("ww-window", WUWEI);
        Map<String, Object> claim = deathClaim(agent, uscc, newIdNumber(1947));
        claim.put("被委托人", Map.of("姓名", "代理人", "证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", "12"),
                "联系电话", "1"));
        web.post().uri("/api/v1/enrollment/withdrawals").headers(h -> h.setBearerAuth(clerk)).bodyValue(claim).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.violations[?(@.field == '被委托人.证件类型及号码.证件号码')]").exists()
                .jsonPath("$.violations[?(@.field == '被委托人.联系电话')]").exists();
        claim.put("被委托人", Map.of("姓名", "代理人", "证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码",
                newIdNumber(1980)), "联系电话", "13709351235"));
        Map<?, ?> submitted = web.post().uri("/api/v1/enrollment/withdrawals").headers(h -> h.setBearerAuth(clerk))
                .bodyValue(claim).exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        web.get().uri("/api/v1/enrollment/cases/{n}", submitted.get("caseNumber")).headers(h -> h.setBearerAuth(clerk))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.materials[?(@.name == '委托人及代理人身份证件原件及委托人授权委托书')].state").isEqualTo("MISSING");
    }
}
