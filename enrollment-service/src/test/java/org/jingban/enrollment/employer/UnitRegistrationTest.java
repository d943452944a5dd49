package org.jingban.enrollment.employer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jingban.enrollment.EnrollmentTest;
import org.jingban.platform.cases.ActorRole;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.security.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UnitRegistrationTest extends EnrollmentTest {

    @Autowired
    CaseService cases;
    @Autowired
    Employers employers;

    @Test
    void a_unit_agent_registers_the_unit_in_wuwei_and_it_completes_at_once() {
        String uscc = newUscc();
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(unitForm(uscc, WUWEI)).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.itemCode").isEqualTo("622036001001")
                .jsonPath("$.status").isEqualTo("COMPLETED")
                .jsonPath("$.caseNumber").value(n -> assertThat((String) n).startsWith("620600-"))
                .jsonPath("$.result.status").isEqualTo("ACTIVE")
                .jsonPath("$.result.legalRepresentativeId").value(id -> assertThat((String) id).contains("*"));
        web.get().uri("/api/v1/enrollment/units/{code}", uscc).headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.unit.name").isEqualTo("武威市测试商贸有限公司").jsonPath("$.activeStaff").isEqualTo(0);
        // another unit's agent and another region's clerk do not see it
        web.get().uri("/api/v1/enrollment/units/{code}", uscc).headers(h -> h.setBearerAuth(TestTokens.employerAgent(newUscc())))
                .exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/enrollment/units/{code}", uscc).headers(h -> h.setBearerAuth(TestTokens.clerk("gh-9", LANZHOU)))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void an_empty_form_lists_every_required_field_of_the_catalog_at_once() {
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(TestTokens.clerk("gh-1", WUWEI)))
                .bodyValue(Map.of()).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                // the 10 受理信息必填项 of 622036001001 plus 单位名称
                .jsonPath("$.violations.length()").isEqualTo(11)
                .jsonPath("$.violations[0].field").isEqualTo("登记类型")
                .jsonPath("$.violations[9].field").isEqualTo("单位经办人员信息(姓名、手机号)");
        assertThat(employers.findByCode("").blockOptional()).isEmpty();
    }

    @Test
    void bad_identifiers_are_all_reported_together() {
        String uscc = newUscc();
        Map<String, Object> form = new java.util.HashMap<>(unitForm(uscc, WUWEI));
        form.put("统一社会信用代码", uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0'));
        form.put("参保地区", "629999");
        form.put("单位经办人员信息(姓名、手机号)", Map.of("姓名", "钱七", "手机号", "1380935"));
        form.put("法定代表人信息(姓名、证件类型及号码、电话)", Map.of("姓名", "赵六",
                "证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", "620602199001011231"), "电话", "13909351234"));
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(TestTokens.clerk("gh-1", WUWEI)))
                .bodyValue(form).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.violations.length()").isEqualTo(4)
                .jsonPath("$.violations[?(@.field == '统一社会信用代码')]").exists()
                .jsonPath("$.violations[?(@.field == '参保地区')]").exists()
                .jsonPath("$.violations[?(@.field == '单位经办人员信息(姓名、手机号).手机号')]").exists()
                .jsonPath("$.violations[?(@.field == '法定代表人信息(姓名、证件类型及号码、电话).证件类型及号码.证件号码')]").exists();
    }

    @Test
    void a_second_registration_and_missing_materials_are_refused_with_a_stored_case() {
        String uscc = newUscc();
        String agent = TestTokens.employerAgent(uscc);
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(agent))
                .bodyValue(unitForm(uscc, WUWEI)).exchange().expectStatus().isCreated();
        Map<String, Object> again = new java.util.HashMap<>(unitForm(uscc, WUWEI));
        again.put("申请材料", List.of());
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(agent))
                .bodyValue(again).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.caseNumber").exists()
                .jsonPath("$.violations[0].code").isEqualTo("already-registered")
                // both catalog materials missing, listed with the registration refusal (一次性告知)
                .jsonPath("$.violations.length()").isEqualTo(3);
    }

    @Test
    void an_agent_cannot_register_another_unit() {
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(TestTokens.employerAgent(newUscc())))
                .bodyValue(unitForm(newUscc(), WUWEI)).exchange().expectStatus().isForbidden();
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(TestTokens.clerk("gh-3", LANZHOU)))
                .bodyValue(unitForm(newUscc(), WUWEI)).exchange().expectStatus().isForbidden();
    }

    @Test
    void in_lanzhou_the_registration_waits_for_acceptance_and_takes_effect_when_the_case_is_completed() {
        String uscc = newUscc();
        String caseId = web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(unitForm(uscc, LANZHOU)).exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("caseId").toString();
        assertThat(employers.findByCode(uscc).blockOptional()).isEmpty();

        // what the generic case endpoints do: 受理 by a clerk, 审核 by a reviewer, 办结
        CaseActor clerk = CaseActor.staff("gh-lz-1", "受理员", ActorRole.CLERK, LANZHOU);
        CaseActor reviewer = CaseActor.staff("gh-lz-2", "审核员", ActorRole.REVIEWER, LANZHOU);
        cases.accept(caseId, clerk).block(TIMEOUT);
        var accepted = cases.find(caseId).block(TIMEOUT);
        // 5 working days in Gansu (甘肃省清单)
        assertThat(accepted.getLimitWorkingDays()).isEqualTo(5);
        cases.advance(caseId, reviewer, "审核", "材料齐全").block(TIMEOUT);
        cases.complete(caseId, reviewer, Map.of()).block(TIMEOUT);

        Employer unit = eventually(() -> employers.findByCode(uscc).block(TIMEOUT));
        assertThat(unit.getStatus()).isEqualTo(Employer.Status.ACTIVE);
        assertThat(unit.getRegionCode()).isEqualTo(LANZHOU);
        assertThat(unit.hasApplied(caseId)).isTrue();
    }

    @Test
    void joint_registration_from_shared_data_completes_in_the_request_even_where_the_item_is_not_instant() {
        String uscc = newUscc();
        Map<String, Object> form = new java.util.HashMap<>(unitForm(uscc, LANZHOU));
        form.remove("申请材料");
        web.post().uri("/api/v1/enrollment/units/joint-registrations")
                .headers(h -> h.setBearerAuth(TestTokens.system("market-regulation", EmployerHandlers.JOINT_SCOPE)))
                .bodyValue(form).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("COMPLETED").jsonPath("$.result.uscc").isEqualTo(uscc);
        var c = cases.byApplicant(uscc).blockFirst(TIMEOUT);
        assertThat(c.getChannel()).isEqualTo(org.jingban.platform.cases.Channel.JOINT);
        // a client without the scope may not
        web.post().uri("/api/v1/enrollment/units/joint-registrations")
                .headers(h -> h.setBearerAuth(TestTokens.system("portal", "cases:submit")))
                .bodyValue(form).exchange().expectStatus().isForbidden();
    }

    @Test
    void every_item_operation_carries_its_item_code_in_the_api_document() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/enrollment/units'].post.x-item-code").isEqualTo("622036001001")
                .jsonPath("$.paths['/api/v1/enrollment/units/changes'].post.x-item-code").isEqualTo("622036001004")
                .jsonPath("$.paths['/api/v1/enrollment/employees'].post.x-item-code").isEqualTo("622036001002")
                .jsonPath("$.paths['/api/v1/enrollment/residents'].post.x-item-code").isEqualTo("622036001003")
                .jsonPath("$.paths['/api/v1/enrollment/persons/{personId}'].get.x-item-code").isEqualTo("622036002002");
    }
}
