package org.jingban.transfer.continuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jingban.enrollment.api.PersonEvents;
import org.jingban.enrollment.api.TransferHooks;
import org.jingban.platform.messaging.EventJson;
import org.jingban.platform.security.test.TestTokens;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.test.CloudEventRecord;
import org.jingban.platform.test.EventProbe;
import org.jingban.platform.test.JingbanInfrastructure;
import org.jingban.transfer.EnrollmentDouble;
import org.jingban.transfer.Offices;
import org.jingban.transfer.TransferTest;
import org.jingban.platform.signing.ElectronicSeal;
import org.jingban.transfer.api.TransferEvents;
import org.jingban.transfer.enrollment.EnrollmentReadModel;
import org.jingban.transfer.national.NationalEnvelope;
import org.jingban.platform.signing.CanonicalJson;
import org.jingban.platform.signing.Sm2;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * 622036003002 转移接续 end to end on the real broker and store: HTTP application and 受理, then the machine stages by
 * events; enrollment-service played by {@link EnrollmentDouble}, the Sichuan side (Songpan 513224) played by this test
 * on the national platform's topic.
 */
class TransferBetweenRegionsTest extends TransferTest {

    @Autowired
    EnrollmentReadModel readModel;
    @Autowired
    Offices offices;
    @Autowired
    ReactiveMongoTemplate mongo;

    private Map<String, Object> form(String idNumber, String name, String from, String to) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("姓名", name);
        f.put("证件类型及号码", idDoc(idNumber));
        f.put("联系电话", "13909351234");
        f.put("基本医疗保险类型", "职工医保");
        f.put("转出地机构地址", "转出地经办机构地址");
        f.put("转出地机构邮编", "733000");
        f.put("转出地医保(行政)区划代码", from);
        f.put("转入地机构地址", "转入地经办机构地址");
        f.put("转入地机构邮编", "730000");
        f.put("转入地医保(行政)区划代码", to);
        f.put("申请材料", TRANSFER_MATERIALS);
        return f;
    }

    private Applied applyAndAccept(String idNumber, String name, String from, String to) {
        Applied submitted = web.post().uri("/api/v1/transfer/transfers")
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(idNumber))).bodyValue(form(idNumber, name, from, to))
                .exchange().expectStatus().isAccepted().expectBody(Applied.class).returnResult()
                .getResponseBody();
        web.post().uri("/api/v1/transfer/cases/{n}/accept", submitted.caseNumber())
                .headers(h -> h.setBearerAuth(TestTokens.clerk("gh-" + to, to))).exchange().expectStatus().isOk();
        return submitted;
    }

    private Map<?, ?> progress(String idNumber, String caseNumber) {
        return web.get().uri("/api/v1/transfer/cases/{n}", caseNumber).headers(h -> h.setBearerAuth(TestTokens.insuredPerson(idNumber)))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private Map<?, ?> awaitStatus(String idNumber, String caseNumber, String status) {
        return eventually(() -> {
            Map<?, ?> p = progress(idNumber, caseNumber);
            return status.equals(p.get("status")) ? p : null;
        });
    }

    private TransferHandlers.TransferView view(String caseNumber, String region) {
        return web.get().uri("/api/v1/transfer/transfers/{n}", caseNumber)
                .headers(h -> h.setBearerAuth(TestTokens.clerk("gh-" + region, region))).exchange().expectStatus().isOk()
                .expectBody(TransferHandlers.TransferView.class).returnResult().getResponseBody();
    }

    private void awaitReadModel(String idNumber, int insurances) {
        eventually(() -> readModel.byIdNumber(idNumber).filter(p -> p.getInsurances().size() == insurances).block());
    }

    @Test
    void a_person_moves_from_wuwei_to_lanzhou_with_periods_and_the_exact_balance_arriving_once() {
        String id = newIdNumber();
        // Wuwei: 2018-03 … 2026-10 suspended for the transfer; Lanzhou: insured since 2026-10 (one month overlaps)
        enrollment.enroll(id, "王五", "1234.56",
                EnrollmentDouble.insurance(EMPLOYEE, WUWEI, "SUSPENDED", "在职职工", "2018-03", "2026-10"),
                EnrollmentDouble.insurance(EMPLOYEE, LANZHOU, "ACTIVE", "在职职工", "2026-10", null));
        awaitReadModel(id, 2);

        Applied submitted = applyAndAccept(id, "王五", WUWEI, LANZHOU);
        Map<?, ?> done = awaitStatus(id, submitted.caseNumber(), "COMPLETED");

        assertThat(enrollment.credits.get(submitted.transferId()).get()).isEqualTo(1);
        assertThat(enrollment.balance(id)).isEqualByComparingTo(new BigDecimal("1234.56"));     // 0 in Lanzhou + 1234.56 moved
        assertThat(enrollment.periods(id, EMPLOYEE, LANZHOU)).extracting(PersonEvents.Period::from)
                .contains("2018-03", "2026-10");
        TransferHandlers.TransferView view = view(submitted.caseNumber(), LANZHOU);
        assertThat(view.state()).isEqualTo("CREDITED");
        assertThat(view.contactLetter()).containsEntry("转入地医保区划代码", LANZHOU);
        Map<String, Object> sheet = view.infoSheet().sheet();
        assertThat(sheet.get("参保缴费月数合计")).isEqualTo(104);    // 2018-03…12 = 10, 2019…2025 = 84, 2026-01…10 = 10
        assertThat(sheet.get("基本医疗保险个人账户实际转出资金"))
                .isEqualTo(Map.of("大写", "壹仟贰佰叁拾肆元伍角陆分", "小写", "1234.56"));
        assertThat(view.infoSheet().funds().amount()).isEqualTo("1234.56");
        assertThat((List<?>) sheet.get("重复参保期间")).hasSize(1);  // 2026-10 in both pools
        assertThat(view.infoSheet().seal().regionCode()).isEqualTo(WUWEI);
        // every stage shows in the progress, with the machine stages done by the system
        assertThat(done.toString()).contains(TransferStages.LETTER, TransferStages.SHEET, TransferStages.RECEIVE);
        // the 转出地's side ends with 转入地办结 too
        eventually(() -> mongo.findById(submitted.transferId(), TransferOut.class)
                .filter(t -> t.getState() == TransferOut.State.COMPLETED).block());
    }

    @Test
    void a_person_whose_unit_reported_an_interruption_in_wuwei_moves_to_lanzhou() {
        String id = newIdNumber();
        // Wuwei: the unit reported 中断 when the person left (no separate 中止参保); Lanzhou: insured since 2026-11
        enrollment.enroll(id, "周八", "56.70",
                EnrollmentDouble.insurance(EMPLOYEE, WUWEI, "INTERRUPTED", "在职职工", "2022-01", "2026-10"),
                EnrollmentDouble.insurance(EMPLOYEE, LANZHOU, "ACTIVE", "在职职工", "2026-11", null));
        awaitReadModel(id, 2);

        Applied submitted = applyAndAccept(id, "周八", WUWEI, LANZHOU);
        awaitStatus(id, submitted.caseNumber(), "COMPLETED");
        assertThat(enrollment.credits.get(submitted.transferId()).get()).isEqualTo(1);
        assertThat(enrollment.balance(id)).isEqualByComparingTo(new BigDecimal("56.70"));
    }

    @Test
    void the_case_ends_with_the_reason_when_the_sending_office_cannot_release() {
        String id = newIdNumber();
        enrollment.enroll(id, "赵六", "100.00",
                EnrollmentDouble.insurance(EMPLOYEE, WUWEI, "SUSPENDED", "在职职工", "2020-01", "2026-10"),
                EnrollmentDouble.insurance(EMPLOYEE, LANZHOU, "ACTIVE", "在职职工", "2026-11", null));
        awaitReadModel(id, 2);
        enrollment.changeStatusQuietly(id, WUWEI, "ACTIVE");   // 恢复缴费 at Wuwei, not yet seen here

        Applied submitted = applyAndAccept(id, "赵六", WUWEI, LANZHOU);
        Map<?, ?> refused = awaitStatus(id, submitted.caseNumber(), "REFUSED");

        assertThat(refused.toString()).contains("未中止参保");
        assertThat(enrollment.credits).doesNotContainKey(submitted.transferId());
        assertThat(enrollment.balance(id)).isEqualByComparingTo("100.00");
    }

    @Test
    void a_precheck_tells_every_unmet_condition_and_stores_nothing_until_the_conditions_hold() {
        String id = newIdNumber();
        enrollment.enroll(id, "吴九", "10.00", EnrollmentDouble.insurance(EMPLOYEE, WUWEI, "ACTIVE", "在职职工", "2020-01", null));
        awaitReadModel(id, 1);
        String token = TestTokens.insuredPerson(id);

        web.post().uri("/api/v1/transfer/transfers/precheck").headers(h -> h.setBearerAuth(token))
                .bodyValue(form(id, "吴九", WUWEI, LANZHOU)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.eligible").isEqualTo(false)
                // not insured in Lanzhou, not suspended in Wuwei
                .jsonPath("$.reasons.length()").isEqualTo(2);
        web.get().uri("/api/v1/transfer/cases/mine").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);

        // someone whose unit reported 中断 in Wuwei and who is insured in Lanzhou: eligible
        String ready = newIdNumber();
        enrollment.enroll(ready, "郑十", "10.00",
                EnrollmentDouble.insurance(EMPLOYEE, WUWEI, "INTERRUPTED", "在职职工", "2020-01", "2026-10"),
                EnrollmentDouble.insurance(EMPLOYEE, LANZHOU, "ACTIVE", "在职职工", "2026-11", null));
        awaitReadModel(ready, 2);
        web.post().uri("/api/v1/transfer/transfers/precheck").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(ready)))
                .bodyValue(form(ready, "郑十", WUWEI, LANZHOU)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.eligible").isEqualTo(true)
                .jsonPath("$.reasons.length()").isEqualTo(0);
        // bad input is still a 400 with every problem, and another person's precheck is refused
        web.post().uri("/api/v1/transfer/transfers/precheck").headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("姓名", "吴九")).exchange().expectStatus().isBadRequest();
        web.post().uri("/api/v1/transfer/transfers/precheck").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(newIdNumber())))
                .bodyValue(form(id, "吴九", WUWEI, LANZHOU)).exchange().expectStatus().isForbidden();
    }

    @Test
    void an_application_that_does_not_meet_the_conditions_gets_every_reason_at_once() {
        String id = newIdNumber();
        enrollment.enroll(id, "孙七", "0.00", EnrollmentDouble.insurance(EMPLOYEE, WUWEI, "ACTIVE", "在职职工", "2020-01", null));
        awaitReadModel(id, 1);
        Map<String, Object> f = form(id, "孙七", WUWEI, LANZHOU);
        f.put("申请材料", List.of("医保电子凭证或有效身份证件或社保卡"));
        // the precheck names the same reasons, in the same order, as the refusal that follows (one eligibility)
        Map<?, ?> precheck = web.post().uri("/api/v1/transfer/transfers/precheck")
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id))).bodyValue(f).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Object> precheckCodes = ((List<?>) precheck.get("reasons")).stream().map(r -> ((Map<?, ?>) r).get("code"))
                .map(Object.class::cast).toList();
        assertThat(precheckCodes).containsExactly("not-insured-here", "not-suspended", "material.missing", "material.missing");

        web.post().uri("/api/v1/transfer/transfers").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id))).bodyValue(f)
                .exchange().expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.violations[*].code").isEqualTo(precheckCodes)
                // not insured in Lanzhou, not suspended in Wuwei, 2 materials missing: the platform's one 不予受理 text
                .jsonPath("$.detail").isEqualTo(ItemSubmissions.NOT_ACCEPTED.formatted(4))
                .jsonPath("$.violations.length()").isEqualTo(4)
                .jsonPath("$.violations[0].field").isEqualTo("转入地医保(行政)区划代码")
                .jsonPath("$.violations[1].field").isEqualTo("转出地医保(行政)区划代码")
                .jsonPath("$.violations[2].field").isEqualTo("《参保凭证》（含电子《参保凭证》）")
                .jsonPath("$.caseNumber").exists();
    }

    /**
     * The periods and balance move into the same scheme at the 转入地. The catalog's 办理条件 of 622036003002
     * ("参保人员跨统筹地区流动，在转出地已中止参保，并按规定参加转入地基本医疗保险的") and seed 002 §十一 describe no transfer that
     * changes the scheme: a person insured in Lanzhou only as a 城乡居民 who asks to move 职工医保 is refused with the
     * reason, and moves as a 城乡居民 once the form says so.
     */
    @Test
    void a_transfer_into_another_scheme_is_refused_with_the_reason_and_the_same_scheme_goes_through() {
        String id = newIdNumber();
        enrollment.enroll(id, "冯十一", "0.00",
                EnrollmentDouble.insurance(RESIDENT, WUWEI, "SUSPENDED", "城乡居民", "2019-01", "2026-10"),
                EnrollmentDouble.insurance(RESIDENT, LANZHOU, "ACTIVE", "城乡居民", "2026-11", null));
        awaitReadModel(id, 2);
        Map<String, Object> f = form(id, "冯十一", WUWEI, LANZHOU);
        web.post().uri("/api/v1/transfer/transfers/precheck").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id)))
                .bodyValue(f).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.eligible").isEqualTo(false)
                .jsonPath("$.reasons[?(@.code == 'scheme-mismatch')].field").isEqualTo("基本医疗保险类型")
                .jsonPath("$.reasons[?(@.code == 'scheme-mismatch')].message").value(m -> assertThat(m.toString())
                        .contains("城乡居民基本医疗保险").contains("职工基本医疗保险"));

        f.put("基本医疗保险类型", "城乡居民医保");
        Applied submitted = web.post().uri("/api/v1/transfer/transfers")
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id))).bodyValue(f)
                .exchange().expectStatus().isAccepted().expectBody(Applied.class).returnResult().getResponseBody();
        web.post().uri("/api/v1/transfer/cases/{n}/accept", submitted.caseNumber())
                .headers(h -> h.setBearerAuth(TestTokens.clerk("gh-" + LANZHOU, LANZHOU))).exchange().expectStatus().isOk();
        awaitStatus(id, submitted.caseNumber(), "COMPLETED");
        assertThat(enrollment.periods(id, RESIDENT, LANZHOU)).extracting(PersonEvents.Period::from).contains("2019-01");
    }

    /**
     * 表9 as seed 002 prints it (附件表9): 编号 (省份)(统筹地区)(年份)(第XXXX号), 参保人信息 with 性别 and 年龄 (read from the
     * 居民身份证号码 when not given), 户籍地址, 户籍类型, 联系地址, 邮政编码, both offices with names and phones, the
     * 申请人信息 when someone applies for the insured person, 申请时间; printable with every value escaped. The
     * 基本医疗保险类型 takes 其他(请说明), which this item then refuses with the reason; a 参保凭证号 is verified.
     */
    @Test
    @SuppressWarnings("unchecked")
    void the_application_form_is_numbered_and_carries_every_printed_field() {
        String id = newIdNumber();
        enrollment.enroll(id, "褚十二", "0.00",
                EnrollmentDouble.insurance(EMPLOYEE, WUWEI, "SUSPENDED", "在职职工", "2015-01", "2026-10"),
                EnrollmentDouble.insurance(EMPLOYEE, LANZHOU, "ACTIVE", "在职职工", "2026-11", null));
        awaitReadModel(id, 2);
        Map<String, Object> f = form(id, "褚十二", WUWEI, LANZHOU);
        f.put("户籍地址", "甘肃省武威市凉州区<东大街>1号");
        f.put("户籍类型", "非农业");
        f.put("联系地址", "甘肃省兰州市城关区");
        f.put("邮政编码", "730030");
        f.put("申请人信息", Map.of("姓名", "褚父", "证件类型及号码", idDoc(newIdNumber()), "与参保人关系", "父子",
                "联系电话", "13809351234", "联系地址", "甘肃省兰州市城关区", "邮政编码", "730030"));
        String clerk = TestTokens.clerk("gh-" + LANZHOU, LANZHOU);

        // someone applies for the insured person: 委托办理, so the 授权委托书 and both identity documents are needed
        // (seed 001 row 2: "委托办理的，应提供委托人及代理人身份证件原件及委托人授权委托书（下同）")
        web.post().uri("/api/v1/transfer/transfers/precheck").headers(h -> h.setBearerAuth(clerk)).bodyValue(f).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.reasons[?(@.field == '委托人及代理人身份证件原件及委托人授权委托书')].code").isEqualTo("material.missing");
        List<String> withAgentMaterial = new java.util.ArrayList<>(TRANSFER_MATERIALS);
        withAgentMaterial.add("委托人及代理人身份证件原件及委托人授权委托书");
        f.put("申请材料", withAgentMaterial);

        // 有效身份证件 other than the 身份证 (seed 001 row 2) are checked as what they are: a 护照 number is no 400, a
        // 身份证 with a wrong check digit is
        Map<String, Object> passport = new LinkedHashMap<>(f);
        passport.put("证件类型及号码", Map.of("证件类型", "护照", "证件号码", "E12345678"));
        web.post().uri("/api/v1/transfer/transfers/precheck").headers(h -> h.setBearerAuth(clerk)).bodyValue(passport)
                .exchange().expectStatus().isOk();
        passport.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0')));
        web.post().uri("/api/v1/transfer/transfers/precheck").headers(h -> h.setBearerAuth(clerk)).bodyValue(passport)
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.violations[?(@.field == '证件类型及号码')]").exists();

        // bad 户籍类型, 其他 without its 说明: every form problem at once
        Map<String, Object> bad = new LinkedHashMap<>(f);
        bad.put("户籍类型", "城镇");
        bad.put("基本医疗保险类型", "其他(请说明)");
        web.post().uri("/api/v1/transfer/transfers").headers(h -> h.setBearerAuth(clerk)).bodyValue(bad).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.violations[?(@.field == '户籍类型')].code").isEqualTo("unknown-option")
                .jsonPath("$.violations[?(@.field == '其他险种说明')].code").isEqualTo("required");
        // 其他 with its 说明 is a form this item takes, and refuses with the reason
        bad.put("户籍类型", "非农业");
        bad.put("其他险种说明", "公费医疗");
        web.post().uri("/api/v1/transfer/transfers").headers(h -> h.setBearerAuth(clerk)).bodyValue(bad).exchange()
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.violations[0].code").isEqualTo("other-scheme")
                .jsonPath("$.violations[0].message").value(m -> assertThat(m.toString()).contains("公费医疗"));
        // a 参保凭证号 this system never issued
        Map<String, Object> unknownCertificate = new LinkedHashMap<>(f);
        unknownCertificate.put("参保凭证号", "甘肃省武威市2026年第9999号");
        web.post().uri("/api/v1/transfer/transfers/precheck").headers(h -> h.setBearerAuth(clerk))
                .bodyValue(unknownCertificate).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.reasons[?(@.field == '参保凭证号')].code").isEqualTo("certificate-not-found");

        Applied submitted = web.post().uri("/api/v1/transfer/transfers").headers(h -> h.setBearerAuth(clerk)).bodyValue(f)
                .exchange().expectStatus().isAccepted().expectBody(Applied.class).returnResult().getResponseBody();
        Map<String, Object> sheet = web.get().uri("/api/v1/transfer/transfers/{n}/application-form", submitted.caseNumber())
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id))).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((String) sheet.get("编号")).matches("甘肃省兰州市" + LocalDate.now().getYear() + "年第\\d{4}号");
        Map<String, Object> person = (Map<String, Object>) sheet.get("参保人信息");
        assertThat(person.get("性别")).isIn("男", "女");
        assertThat(person.get("年龄")).isEqualTo(java.time.Period.between(LocalDate.parse(id.substring(6, 10) + "-"
                + id.substring(10, 12) + "-" + id.substring(12, 14)), LocalDate.now()).getYears());
        assertThat(person).containsEntry("户籍类型", "非农业").containsEntry("邮政编码", "730030")
                .containsEntry("现参加的基本医疗保险类型", "职工医保").containsKeys("户籍地址", "联系地址", "联系电话");
        Map<String, Object> into = (Map<String, Object>) sheet.get("转入地医疗保障经办机构信息");
        assertThat(into).containsEntry("行政区划代码", LANZHOU).containsEntry("联系电话", "0931-0000000（示例值）");
        assertThat((String) into.get("机构名称")).isNotBlank();
        assertThat((String) ((Map<String, Object>) sheet.get("转出地医疗保障经办机构信息")).get("联系电话"))
                .isEqualTo("0935-2116031");
        assertThat((Map<String, Object>) sheet.get("申请人信息")).containsEntry("与参保人关系", "父子");
        assertThat((String) sheet.get("申请时间")).matches("\\d{4}年\\d{1,2}月\\d{1,2}日");

        String html = web.get().uri("/api/v1/transfer/transfers/{n}/application-form/html", submitted.caseNumber())
                .headers(h -> h.setBearerAuth(clerk)).accept(org.springframework.http.MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("基本医疗保险关系转移接续申请表").contains((String) sheet.get("编号"))
                .contains("&lt;东大街&gt;").doesNotContain("<东大街>").contains("父子");
        // another citizen does not see it; the next application gets the next number
        web.get().uri("/api/v1/transfer/transfers/{n}/application-form", submitted.caseNumber())
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(newIdNumber()))).exchange().expectStatus().isNotFound();
    }

    /**
     * The unit applies for its employee: seed 002 §十一(十四) 办理流程 "参保人员或用人单位通过线上办理渠道申请办理基本医疗
     * 保险关系转移接续". The agent of the person's unit (in the 转入地 here, known from enrollment's unit events) may; the
     * agent of another unit may not (403), and the case stays the person's.
     */
    @Test
    void the_agent_of_the_persons_unit_applies_for_the_transfer_and_another_units_agent_cannot() {
        String id = newIdNumber();
        String unitId = java.util.UUID.randomUUID().toString();
        String uscc = org.jingban.platform.security.test.TestIdentities.randomUnitCode(LANZHOU);
        enrollment.unit(unitId, uscc, "兰州市测试科技有限公司", LANZHOU);
        enrollment.enroll(id, "卫十三", "0.00",
                EnrollmentDouble.insurance(EMPLOYEE, WUWEI, "SUSPENDED", "在职职工", "2018-01", "2026-10"),
                EnrollmentDouble.insurance(EMPLOYEE, LANZHOU, "ACTIVE", "在职职工", "2026-11", null).at(unitId, "兰州市测试科技有限公司"));
        awaitReadModel(id, 2);
        eventually(() -> readModel.unitById(unitId).block());
        Map<String, Object> f = form(id, "卫十三", WUWEI, LANZHOU);
        String otherAgent = TestTokens.employerAgent(org.jingban.platform.security.test.TestIdentities.randomUnitCode(LANZHOU));
        web.post().uri("/api/v1/transfer/transfers").headers(h -> h.setBearerAuth(otherAgent)).bodyValue(f).exchange()
                .expectStatus().isForbidden();
        String agent = TestTokens.employerAgent(uscc);
        Applied submitted = web.post().uri("/api/v1/transfer/transfers").headers(h -> h.setBearerAuth(agent)).bodyValue(f)
                .exchange().expectStatus().isAccepted().expectBody(Applied.class).returnResult().getResponseBody();
        // the case is the person's: they follow it themselves
        assertThat(progress(id, submitted.caseNumber()).get("itemCode")).isEqualTo("622036003002");
    }

    // ------------------------------------------------------------------ Sichuan via the national platform

    private static String resource(String path) throws Exception {
        return new String(new ClassPathResource(path).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void a_person_moves_from_songpan_to_wuwei_through_the_national_platform_and_a_tampered_sheet_is_refused() throws Exception {
        String id = newIdNumber();
        enrollment.enroll(id, "周八", "0.00", EnrollmentDouble.insurance(EMPLOYEE, WUWEI, "ACTIVE", "灵活就业人员", "2026-11", null));
        awaitReadModel(id, 1);
        try (EventProbe national = JingbanInfrastructure.get().probe(NATIONAL)) {
            Applied submitted = applyAndAccept(id, "周八", SONGPAN, WUWEI);

            // Songpan (Sichuan) receives the 联系函 in the national envelope …
            CloudEventRecord letterRecord = national.awaitEvent(r -> r.dataJson() != null
                    && r.dataJson().contains(submitted.transferId()) && r.dataJson().contains("\"LXH\""), TIMEOUT);
            NationalEnvelope letterEnvelope = EventJson.read(letterRecord.dataJson(), NationalEnvelope.class);
            TransferEvents.ContactLetter letter = EventJson.read(EventJson.write(letterEnvelope.body()), TransferEvents.ContactLetter.class);
            assertThat(letter.toRegionCode()).isEqualTo(WUWEI);
            assertThat(letterEnvelope.recvProvince()).isEqualTo("510000");

            // … releases its record and signs 表10 with its own office key
            var record = new TransferHooks.InsuranceRecord(submitted.transferId(), "sc-person", id, "周八", EMPLOYEE,
                    SONGPAN, List.of(new PersonEvents.Period("2015-01", "2026-10", SONGPAN, null, "在职职工", "本地")),
                    142, "2345.67", "sc-entry-1");
            Map<String, Object> sheet = EventJson.read(EventJson.write(InfoSheets.build(record, letter, offices, LocalDate.now())), Map.class);
            var certificate = Sm2.certificateFromPem(resource("national-trust/513224.pem"));
            var key = Sm2.privateKeyFromPem(resource("national-peer/513224-key.pem"));
            ElectronicSeal seal = new ElectronicSeal(Sm2.ALGORITHM, SONGPAN, "松潘县医疗保障事业服务中心（测试）",
                    certificate.getSerialNumber().toString(16), Instant.now(),
                    Base64.getEncoder().encodeToString(Sm2.sign(key, CanonicalJson.bytes(sheet))));

            // first a tampered copy (someone raised the amount after signing): refused and flagged for ops
            Map<String, Object> tampered = new LinkedHashMap<>(sheet);
            tampered.put("基本医疗保险个人账户实际转出资金", Map.of("大写", "玖仟元整", "小写", "9000.00"));
            sendNational(envelope("XXB", submitted.transferId(), tampered, seal, "9000.00"));
            eventually(() -> view(submitted.caseNumber(), WUWEI).opsFlags().isEmpty() ? null : true);
            assertThat(view(submitted.caseNumber(), WUWEI).state()).isEqualTo("LETTER_SENT");
            assertThat(enrollment.credits).doesNotContainKey(submitted.transferId());
            web.get().uri("/api/v1/transfer/ops/flagged-transfers").headers(h -> h.setBearerAuth(TestTokens.ops("ops-1")))
                    .exchange().expectStatus().isOk().expectBody(String.class)
                    .value(body -> assertThat(body).contains(submitted.transferId()).contains("电子签章验证未通过"));

            // then the genuine one, delivered twice: credited once, case 办结
            NationalEnvelope genuine = envelope("XXB", submitted.transferId(), sheet, seal, "2345.67");
            sendNational(genuine);
            sendNational(genuine);
            awaitStatus(id, submitted.caseNumber(), "COMPLETED");
            assertThat(enrollment.credits.get(submitted.transferId()).get()).isEqualTo(1);
            assertThat(enrollment.balance(id)).isEqualByComparingTo("2345.67");
            assertThat(enrollment.periods(id, EMPLOYEE, WUWEI)).extracting(PersonEvents.Period::from).contains("2015-01");

            // 转入地办结 goes back to Songpan the same way (ZRBJ), so that the 转出地's side ends too
            CloudEventRecord completed = national.awaitEvent(r -> r.dataJson() != null
                    && r.dataJson().contains(submitted.transferId()) && r.dataJson().contains("\"ZRBJ\""), TIMEOUT);
            NationalEnvelope completion = EventJson.read(completed.dataJson(), NationalEnvelope.class);
            assertThat(completion.recvRegion()).isEqualTo(SONGPAN);
            assertThat(completion.sendRegion()).isEqualTo(WUWEI);
            assertThat(completion.body()).containsEntry("months", 142).containsEntry("amount", "2345.67")
                    .containsEntry("caseNumber", submitted.caseNumber());
        }
    }

    private static NationalEnvelope envelope(String type, String transferId, Map<String, Object> sheet, ElectronicSeal seal,
                                             String funds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transferId", transferId);
        body.put("fromRegionCode", SONGPAN);
        body.put("toRegionCode", WUWEI);
        body.put("sheet", sheet);
        body.put("seal", seal);
        body.put("funds", Map.of("amount", funds, "fromRegionCode", SONGPAN, "toRegionCode", WUWEI, "reference", "sc-entry-1"));
        return new NationalEnvelope(java.util.UUID.randomUUID().toString(), type, "510000", "620000", SONGPAN, WUWEI,
                Instant.now(), EventJson.read(EventJson.write(body), Map.class));
    }
}
