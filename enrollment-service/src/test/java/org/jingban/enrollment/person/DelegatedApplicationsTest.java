package org.jingban.enrollment.person;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jingban.enrollment.EnrollmentTest;
import org.jingban.platform.security.test.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * 委托办理 on forms that print no agent block of their own (表3 城乡居民参保登记, 表6 城乡居民参保信息变更), through the
 * kernel's 被委托人 block: seed 001 (甘肃省清单) row 2, "委托办理的，应提供委托人及代理人身份证件原件及委托人授权委托书（下同）".
 * Both items are 即时办结, so a missing 授权委托书 refuses acceptance with every missing material named at once.
 */
class DelegatedApplicationsTest extends EnrollmentTest {

    static final String POWER_OF_ATTORNEY = "委托人及代理人身份证件原件及委托人授权委托书";
    static final List<String> RESIDENT_MATERIALS = List.of("有效身份证件", "《城乡居民基本医疗保险参保登记表》");

    static Map<String, Object> agent(String name, String idNumber, String phone) {
        return Map.of("姓名", name, "证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", idNumber), "联系电话", phone);
    }

    static Map<String, Object> residentForm(String id, List<String> materials) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("姓名", "居民");
        form.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        form.put("出生日期", "1995-" + id.substring(10, 12) + "-" + id.substring(12, 14));
        form.put("联系电话", "13709351234");
        form.put("户籍地址", "户籍地址");
        form.put("申请人身份", "无业成年人");
        form.put("参保地区", WUWEI);
        form.put("申请材料", materials);
        return form;
    }

    @Test
    void a_clerk_at_the_window_registers_a_resident_for_whom_an_agent_came_and_the_power_of_attorney_is_needed() {
        String clerk = TestTokens.clerk("ww-window", WUWEI);
        String id = newIdNumber(1995);
        String agentId = newIdNumber(1970);
        Map<String, Object> form = residentForm(id, RESIDENT_MATERIALS);
        form.put("渠道", "窗口");
        form.put("被委托人", agent("李代办", agentId, "0935-2116032"));

        // 即时办结: without the 授权委托书 the application is refused acceptance, the material named
        web.post().uri("/api/v1/enrollment/residents").headers(h -> h.setBearerAuth(clerk)).bodyValue(form).exchange()
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.violations.length()").isEqualTo(1)
                .jsonPath("$.violations[0].field").isEqualTo(POWER_OF_ATTORNEY);

        List<String> all = new ArrayList<>(RESIDENT_MATERIALS);
        all.add(POWER_OF_ATTORNEY);
        form.put("申请材料", all);
        Map<?, ?> done = web.post().uri("/api/v1/enrollment/residents").headers(h -> h.setBearerAuth(clerk)).bodyValue(form)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        // the case records who came: staff read the 被委托人 in the case view
        web.get().uri("/api/v1/enrollment/cases/{n}", done.get("caseNumber")).headers(h -> h.setBearerAuth(clerk))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.channel").isEqualTo("WINDOW")
                .jsonPath("$.form.被委托人.姓名").isEqualTo("李代办")
                .jsonPath("$.form.被委托人.证件类型及号码.证件号码").isEqualTo(agentId)
                .jsonPath("$.form.被委托人.联系电话").isEqualTo("0935-2116032")
                .jsonPath("$.materials[?(@.name == '" + POWER_OF_ATTORNEY + "')].state").isEqualTo("PROVIDED");
    }

    @Test
    void the_persons_own_online_change_names_an_agent_and_needs_the_power_of_attorney() {
        String id = resident(WUWEI);
        String token = TestTokens.insuredPerson(id);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("姓名", "居民");
        change.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        change.put("联系电话", "13709351234");
        change.put("关键信息标识", "非关键信息");
        change.put("变更明细", List.of(Map.of("变更项目", "联系电话", "变更前信息", "13709351234", "变更后信息", "13709351235")));
        change.put("申请材料", List.of("医保电子凭证或有效身份证件或社保卡", "《基本医疗保险城乡居民参保信息变更登记表》"));
        change.put("被委托人", agent("王代办", newIdNumber(1972), "13909351111"));

        web.post().uri("/api/v1/enrollment/residents/changes").headers(h -> h.setBearerAuth(token)).bodyValue(change)
                .exchange().expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.violations[?(@.field == '" + POWER_OF_ATTORNEY + "')]").exists();

        change.put("申请材料", List.of("医保电子凭证或有效身份证件或社保卡", "《基本医疗保险城乡居民参保信息变更登记表》",
                POWER_OF_ATTORNEY));
        web.post().uri("/api/v1/enrollment/residents/changes").headers(h -> h.setBearerAuth(token)).bodyValue(change)
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.itemCode").isEqualTo("622036001006");
    }

    @Test
    void the_agents_identity_is_checked_as_the_forms_own_fields_are() {
        String clerk = TestTokens.clerk("ww-window", WUWEI);
        String id = newIdNumber(1995);
        Map<String, Object> form = residentForm(id, RESIDENT_MATERIALS);

        // the text policy: a person's name by its field name, 被委托人.姓名 too
        form.put("被委托人", agent("李<b>4</b>", newIdNumber(1970), "13909351111"));
        web.post().uri("/api/v1/enrollment/residents").headers(h -> h.setBearerAuth(clerk)).bodyValue(form).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.violations[?(@.field == '被委托人.姓名')]").exists();

        // 证件号码 checked as the 证件类型 given (GB 11643 for a 居民身份证), 联系电话 a phone: all at once, nothing stored
        String wrong = newIdNumber(1970);
        wrong = wrong.substring(0, 17) + (wrong.charAt(17) == '0' ? '1' : '0');
        form.put("被委托人", Map.of("姓名", "李代办", "证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", wrong),
                "联系电话", "123"));
        form.remove("姓名");
        web.post().uri("/api/v1/enrollment/residents").headers(h -> h.setBearerAuth(clerk)).bodyValue(form).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.violations[?(@.field == '姓名')]").exists()
                .jsonPath("$.violations[?(@.field == '被委托人.证件类型及号码.证件号码')]").exists()
                .jsonPath("$.violations[?(@.field == '被委托人.联系电话')]").exists();

        // nobody is their own 被委托人
        form.put("姓名", "居民");
        form.put("被委托人", agent("居民", id, "13709351234"));
        web.post().uri("/api/v1/enrollment/residents").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id)))
                .bodyValue(form).exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.violations[0].code").isEqualTo("delegate-is-applicant");
    }
}
