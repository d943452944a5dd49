package org.jingban.reimbursement.chronic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.platform.cases.Case;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.security.test.TestTokens;
import org.jingban.reimbursement.Insured;
import org.jingban.reimbursement.ReimbursementItemsTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 委托办理 of 门诊慢特病病种待遇认定 (622036005000, Wuwei) — 表12 prints no agent block, the kernel's 被委托人 carries it:
 * seed 001 (甘肃省清单) row 2, "委托办理的，应提供委托人及代理人身份证件原件及委托人授权委托书（下同）". The item is a 承诺件, so
 * a missing 授权委托书 waits for 补正 (一次性告知) instead of refusing.
 */
class DelegatedEntitlementTest extends ReimbursementItemsTest {

    static final String POWER_OF_ATTORNEY = "委托人及代理人身份证件原件及委托人授权委托书";

    @Test
    void an_agent_applying_for_the_insured_person_is_recorded_and_the_power_of_attorney_is_asked_for_by_notice() {
        String id = Insured.person(readModel, "吴十", InsuranceTypes.EMPLOYEE_INSURANCE, WUWEI, "在职职工");
        String agentId = TestIdentities.randomIdNumber(1975);
        List<String> own = catalog.item("622036005000", WUWEI).materials().stream()
                .filter(m -> m.condition() == null || m.condition().isBlank()).map(Material::name).toList();
        assertThat(catalog.item("622036005000", WUWEI).materials()).extracting(Material::name).contains(POWER_OF_ATTORNEY);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("姓名", "吴十");
        f.put("年龄", Period.between(LocalDate.of(1970, 6, 1), LocalDate.now(Case.ZONE)).getYears());
        f.put("参保险种", "职工医保");
        f.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        f.put("联系电话", "13900139000");
        f.put("参保地", WUWEI);
        f.put("申请病种名称", "恶性肿瘤门诊治疗");
        f.put("定点医疗机构名称", "武威市人民医院");
        f.put("申请材料", own);
        f.put("被委托人", Map.of("姓名", "郑代办", "证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", agentId),
                "联系电话", "13800138000"));

        // the person's own online application, naming the agent who will bring the originals
        JsonNode answer = http.post().uri("/api/v1/reimbursement/entitlements/chronic-diseases")
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id))).bodyValue(f).exchange()
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        String number = answer.get("caseNumber").asString();
        assertThat(answer.get("status").asString()).isEqualTo("WAITING_FOR_APPLICANT");

        String clerk = TestTokens.clerk("clerk-ww", WUWEI);
        http.get().uri("/api/v1/reimbursement/cases/{n}", number).headers(h -> h.setBearerAuth(clerk)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.form.被委托人.姓名").isEqualTo("郑代办")
                .jsonPath("$.form.被委托人.证件类型及号码.证件号码").isEqualTo(agentId)
                .jsonPath("$.materials[?(@.name == '" + POWER_OF_ATTORNEY + "')].state").isEqualTo("MISSING")
                .jsonPath("$.reasons[?(@.field == '" + POWER_OF_ATTORNEY + "')]").exists();

        // 补正: the 授权委托书 and both identity documents brought, the case goes on to 受理
        http.post().uri("/api/v1/reimbursement/cases/{n}/resume", number)
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id)))
                .bodyValue(Map.of("supplied", List.of(Map.of("name", POWER_OF_ATTORNEY, "state", "PROVIDED")),
                        "remark", "携带授权委托书及双方身份证件原件"))
                .exchange().expectStatus().isOk();
        http.post().uri("/api/v1/reimbursement/cases/{n}/accept", number).headers(h -> h.setBearerAuth(clerk))
                .bodyValue(Map.of()).exchange().expectStatus().isOk();
    }
}
