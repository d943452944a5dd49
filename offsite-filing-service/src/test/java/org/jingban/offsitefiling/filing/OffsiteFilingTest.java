package org.jingban.offsitefiling.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.offsitefiling.EnrollmentEvents;
import org.jingban.offsitefiling.api.FilingEvents;
import org.jingban.offsitefiling.api.OffsiteFilingTopics;
import org.jingban.enrollment.api.coverage.EnrollmentReadModel;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.security.test.TestTokens;
import org.jingban.platform.test.CloudEventRecord;
import org.jingban.platform.test.EventProbe;
import org.jingban.platform.test.Eventually;
import org.jingban.platform.test.JingbanInfrastructure;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * 主项四 异地就医备案 on the real broker and store, persons coming from enrollment's events: every kind on its proof
 * path and (where the seeds allow) its promise path (表18), the 办理条件 refused all at once, 新增 vs 变更, 取消, expiry,
 * and the coverage question settlement-service asks. Rules cite seed 002 §十二–十五 (办理条件, 申请材料) and 表11's
 * 温馨提示; validity lengths are the example defaults of application.yml, not seed rules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithJingbanInfrastructure
class OffsiteFilingTest {

    static final String WUWEI = "620600";
    static final String SONGPAN = "513224";
    static final String HAINAN = "460000";
    static final String CHENGDU = "510100";
    static final String LANZHOU = "620100";
    static EventProbe events;

    @Autowired
    WebTestClient http;
    @Autowired
    Catalog catalog;
    @Autowired
    EnrollmentReadModel readModel;
    @Autowired
    FilingExpiry expiry;

    @BeforeAll
    static void probe() {
        events = JingbanInfrastructure.get().probe(OffsiteFilingTopics.EVENTS);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    /** A person insured as enrollment says, once the read model has it. */
    String insured(String name, PersonEvents.InsuranceView... insurances) {
        String id = TestIdentities.randomIdNumber(1958);
        EnrollmentEvents.publish(PersonEvents.ENROLLED, id, name, insurances);
        Eventually.until(Duration.ofSeconds(30), () -> readModel.byIdNumber(id).block());
        return id;
    }

    static PersonEvents.InsuranceView retiredEmployee(String region) {
        return EnrollmentEvents.insurance(InsuranceTypes.EMPLOYEE_INSURANCE, region, "退休人员", "ACTIVE");
    }

    static PersonEvents.InsuranceView resident(String region) {
        return EnrollmentEvents.insurance(InsuranceTypes.RESIDENT_INSURANCE, region, "城乡居民", "ACTIVE");
    }

    /** The material names of the item in the region that contain {@code words}. */
    List<String> materials(String itemCode, String region, String... words) {
        return catalog.item(itemCode, region).materials().stream().map(Material::name)
                .filter(n -> List.of(words).stream().anyMatch(n::contains)).toList();
    }

    Map<String, Object> form(String id, String name, String insurance, String registration, String start,
                             String destination, List<String> materials) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("姓名", name);
        f.put("参保险种", insurance);
        f.put("登记类别", registration);
        f.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        f.put("申请备案开始日期", start);
        f.put("就医地", destination);
        f.put("联系电话", "13800138000");
        f.put("参保地联系地址", "甘肃省武威市凉州区东大街1号");
        f.put("申请材料", materials);
        return f;
    }

    WebTestClient.ResponseSpec apply(String path, String id, Map<String, Object> form) {
        return http.post().uri("/api/v1/offsite-filing/filings/" + path)
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id))).bodyValue(form).exchange();
    }

    JsonNode body(WebTestClient.ResponseSpec spec) {
        return spec.expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode filing(String id, String number) {
        return body(http.get().uri("/api/v1/offsite-filing/filings/{n}", number)
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id))).exchange().expectStatus().isOk());
    }

    JsonNode lookup(String id, String region, String date) {
        return body(http.post().uri("/api/v1/offsite-filing/filings/lookup")
                .headers(h -> h.setBearerAuth(TestTokens.system("settlement-service")))
                .bodyValue(Map.of("证件号码", id, "就医地", region, "就医日期", date)).exchange().expectStatus().isOk());
    }

    @Test
    void a_retiree_settled_in_hainan_files_to_the_province_on_proof_at_once_valid_until_cancelled() {
        String id = insured("张安置", retiredEmployee(WUWEI));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        // 002 §十二 申请材料: identity, 表11, 异地安置认定材料; 表11 温馨提示 3: 海南 may be filed at province level
        Map<String, Object> f = form(id, "张安置", "职工医保", "新增", today, HAINAN,
                materials("622036004001", WUWEI, "凭证", "备案表", "认定材料"));

        JsonNode answer = body(apply("resettled-retirees", id, f).expectStatus().isCreated());

        String number = answer.get("caseNumber").asString();
        assertThat(answer.get("status").asString()).isEqualTo("COMPLETED");
        // the answer's result is the filing as the applicant sees it: 证件号码 masked, no storage internals
        assertThat(answer.get("result").get("idNumber").asString()).contains("*");
        assertThat(answer.get("result").has("outbox")).isFalse();
        JsonNode filing = filing(id, number);
        assertThat(filing.get("kind").asString()).isEqualTo("异地安置退休人员");
        assertThat(filing.get("path").asString()).isEqualTo("PROOF");
        assertThat(filing.get("validUntil").isNull()).isTrue();
        // the 已完成 message gets its 备案有效期 from the completed event
        CloudEventRecord completed = events.awaitEvent(e -> e.type().equals(CaseEvents.COMPLETED)
                && e.dataJson().contains(number), Duration.ofSeconds(30));
        assertThat(completed.dataJson()).contains("起长期有效（至取消备案）");
        CloudEventRecord registered = events.awaitEvent(e -> e.type().equals(FilingEvents.REGISTERED)
                && e.dataJson().contains(number), Duration.ofSeconds(30));
        assertThat(registered.dataJson()).contains("\"destinationCode\":\"460000\"", "\"kindCode\":\"622036004001\"");
        // a visit in 海口 (460100) is covered from today; the day before is not
        assertThat(lookup(id, "460100", today).get("filed").asBoolean()).isTrue();
        assertThat(lookup(id, "460100", LocalDate.parse(today).minusDays(1).toString()).get("filed").asBoolean()).isFalse();
    }

    @Test
    void a_long_term_resident_files_on_a_personal_promise_which_is_kept_for_a_later_check() {
        String id = insured("李居住", EnrollmentEvents.insurance(InsuranceTypes.EMPLOYEE_INSURANCE, WUWEI, "在职职工", "ACTIVE"));
        String proof = materials("622036004002", WUWEI, "长期居住认定材料").get(0);
        Map<String, Object> f = form(id, "李居住", "职工医保", "新增", "2026-12-01", CHENGDU,
                materials("622036004002", WUWEI, "凭证", "备案表"));
        f.put("承诺替代材料", List.of(proof)); // 002 §十三: 居住证明或个人承诺书 (表18)

        String number = body(apply("long-term-residents", id, f).expectStatus().isCreated()).get("caseNumber").asString();

        JsonNode filing = filing(id, number);
        assertThat(filing.get("path").asString()).isEqualTo("PROMISE");
        assertThat(filing.get("promisedMaterials").get(0).asString()).isEqualTo(proof);
        assertThat(LocalDate.parse(filing.get("promiseRetainedUntil").asString()))
                .isAfterOrEqualTo(LocalDate.now().plusYears(2).minusDays(1));
        // reviewers of the 参保地 find it among the promises to check; another region's may not look
        JsonNode promises = body(http.get().uri("/api/v1/offsite-filing/promises?region=" + WUWEI)
                .headers(h -> h.setBearerAuth(TestTokens.reviewer("rv-ww", WUWEI))).exchange().expectStatus().isOk());
        assertThat(promises.findValuesAsString("filingNumber")).contains(number);
        http.get().uri("/api/v1/offsite-filing/promises?region=" + WUWEI)
                .headers(h -> h.setBearerAuth(TestTokens.reviewer("rv-lz", LANZHOU))).exchange().expectStatus().isForbidden();
    }

    @Test
    void a_posted_worker_files_on_a_promise_and_a_temporary_visit_on_identity_and_form_only() {
        String id = insured("冯常驻", EnrollmentEvents.insurance(InsuranceTypes.EMPLOYEE_INSURANCE, WUWEI, "在职职工", "ACTIVE"));
        // 002 §十四: 派出证明、异地单位证明、工作合同任选其一或个人承诺书
        String proof = materials("622036004003", WUWEI, "异地工作证明材料").get(0);
        Map<String, Object> f = form(id, "冯常驻", "职工医保", "新增", "2026-12-01", "440300",
                materials("622036004003", WUWEI, "凭证", "备案表"));
        f.put("承诺替代材料", List.of(proof));
        String number = body(apply("stationed-workers", id, f).expectStatus().isCreated()).get("caseNumber").asString();
        assertThat(filing(id, number).get("path").asString()).isEqualTo("PROMISE");

        // 其他临时外出就医人员备案 (national template): identity and 表11 only, valid for the region's period
        String visitor = insured("陈临时", resident(WUWEI));
        Map<String, Object> g = form(visitor, "陈临时", "城乡居民医保", "新增", "2026-12-01", "420100",
                materials("national:其他临时外出就医人员备案", WUWEI, "凭证", "备案表"));
        JsonNode answer = body(apply("temporary-visits", visitor, g).expectStatus().is2xxSuccessful());
        assertThat(answer.get("itemCode").asString()).isEqualTo("national:其他临时外出就医人员备案");
    }

    @Test
    void a_delegated_application_needs_both_identities_and_the_power_of_attorney() {
        // seed 001, 622036001002 备注 3: 委托办理的，应提供委托人及代理人身份证件原件及委托人授权委托书（下同）
        String id = insured("蒋委托", retiredEmployee(WUWEI));
        Map<String, Object> f = form(id, "蒋委托", "职工医保", "新增", "2026-12-01", HAINAN,
                materials("622036004001", WUWEI, "凭证", "备案表", "认定材料"));
        // 表11's 填报人 "被委托人": the kernel's block names who applies for the person
        String agentId = TestIdentities.randomIdNumber(1975);
        f.put("被委托人", Map.of("姓名", "蒋代办", "证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", agentId),
                "联系电话", "13919351234"));

        JsonNode refused = body(apply("resettled-retirees", id, f).expectStatus().isEqualTo(422));
        assertThat(refused.findValuesAsString("field")).containsExactly("委托人及代理人身份证件原件及委托人授权委托书");

        List<String> withAttorney = new ArrayList<>(materials("622036004001", WUWEI, "凭证", "备案表", "认定材料"));
        withAttorney.add("委托人及代理人身份证件原件及委托人授权委托书");
        f.put("申请材料", withAttorney);
        String number = body(apply("resettled-retirees", id, f).expectStatus().isCreated()).get("caseNumber").asString();

        // the case keeps the agent: staff of the 参保地 read it in the case view
        http.get().uri("/api/v1/offsite-filing/cases/{n}", number)
                .headers(h -> h.setBearerAuth(TestTokens.clerk("ww-filing", WUWEI))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.form.被委托人.证件类型及号码.证件号码").isEqualTo(agentId)
                .jsonPath("$.form.被委托人.联系电话").isEqualTo("13919351234");
    }

    @Test
    void every_unmet_condition_is_told_at_once_and_the_refused_case_is_kept() {
        // a resident (not a retired employee), filing to their own pool, asking to change a filing they do not have
        String id = insured("王居民", resident(WUWEI));
        Map<String, Object> f = form(id, "王居民", "城乡居民医保", "变更", "2026-12-01", WUWEI,
                materials("622036004001", WUWEI, "凭证", "备案表", "认定材料"));

        JsonNode problem = body(apply("resettled-retirees", id, f).expectStatus().isEqualTo(422));

        assertThat(problem.get("detail").asString()).isEqualTo("不予受理：共3项不符合受理条件，请一次性补齐后重新申请");
        assertThat(problem.findValuesAsString("code")).containsExactlyInAnyOrder("not-retired-employee", "own-pool",
                "nothing-to-change");
        String number = problem.get("caseNumber").asString();
        http.get().uri("/api/v1/offsite-filing/cases/{n}", number).headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REJECTED");
    }

    @Test
    void form_problems_come_first_all_at_once_and_a_person_not_insured_is_told_so() {
        String id = TestIdentities.randomIdNumber(1980);
        Map<String, Object> f = form(id, "赵", "职工医保", "其他", "2026-13-01", "620602", List.of());
        f.remove("联系电话");
        JsonNode problem = body(apply("referrals", id, f).expectStatus().isBadRequest());
        // 表11 for 转诊 (002 §十五 受理信息必填项): 联系电话 and 转往地址 missing; 转诊医疗机构; 登记类别, date, 就医地 wrong
        assertThat(problem.findValuesAsString("field")).contains("联系电话", "转往地址", "转诊医疗机构", "登记类别",
                "申请备案开始日期", "就医地");

        Map<String, Object> ok = form(id, "赵", "职工医保", "新增", "2026-12-01", LANZHOU, List.of());
        ok.put("转往地址", "兰州大学第一医院");
        ok.put("转诊医疗机构", "武威市人民医院");
        body(apply("referrals", id, ok).expectStatus().isEqualTo(422)).get("violations").forEach(v ->
                assertThat(v.get("code").asString()).isEqualTo("not-insured"));
    }

    @Test
    void the_coverage_question_lists_every_bad_value_at_once() {
        JsonNode problem = body(http.post().uri("/api/v1/offsite-filing/filings/lookup")
                .headers(h -> h.setBearerAuth(TestTokens.system("settlement-service")))
                .bodyValue(Map.of("证件号码", "620602199001011234", "就医地", "4601", "就医日期", "2026-02-30"))
                .exchange().expectStatus().isBadRequest());
        assertThat(problem.findValuesAsString("field")).containsExactlyInAnyOrder("证件号码", "就医地", "就医日期");
    }

    @Test
    void a_referral_cannot_rest_on_a_promise() {
        String id = insured("钱转诊", retiredEmployee(WUWEI));
        String referralProof = materials("622036004004", WUWEI, "转诊转院证明").get(0);
        Map<String, Object> f = form(id, "钱转诊", "职工医保", "新增", "2026-12-01", LANZHOU,
                materials("622036004004", WUWEI, "凭证", "备案表"));
        f.put("转往地址", "兰州大学第一医院");
        f.put("转诊医疗机构", "武威市人民医院");
        f.put("承诺替代材料", List.of(referralProof));

        JsonNode problem = body(apply("referrals", id, f).expectStatus().isEqualTo(422));

        assertThat(problem.findValuesAsString("code")).contains("no-promise-path");
    }

    @Test
    void a_second_new_filing_is_refused_a_change_replaces_and_a_long_term_one_is_held_before_a_change() {
        String id = insured("孙临时", retiredEmployee(WUWEI));
        List<String> proof = materials("622036004004", WUWEI, "凭证", "备案表", "转诊转院证明");
        Map<String, Object> f = form(id, "孙临时", "职工医保", "新增", "2026-12-01", LANZHOU, proof);
        f.put("转往地址", "兰州大学第一医院");
        f.put("转诊医疗机构", "武威市人民医院");
        String first = body(apply("referrals", id, f).expectStatus().isCreated()).get("caseNumber").asString();
        // 180 days from 2026-12-01 inclusive (example default) → 2027-05-29
        assertThat(filing(id, first).get("validUntil").asString()).isEqualTo("2027-05-29");

        JsonNode overlapping = body(apply("referrals", id, f).expectStatus().isEqualTo(422));
        assertThat(overlapping.findValuesAsString("message").get(0)).contains(first);

        f.put("登记类别", "变更");
        f.put("就医地", "610100");
        String second = body(apply("referrals", id, f).expectStatus().isCreated()).get("caseNumber").asString();
        assertThat(filing(id, first).get("status").asString()).isEqualTo("REPLACED");
        assertThat(filing(id, second).get("replaces").asString()).isEqualTo(first);
        events.awaitEvent(e -> e.type().equals(FilingEvents.CHANGED) && e.dataJson().contains(first), Duration.ofSeconds(30));

        // a long-term filing (长期居住) may be changed only after the holding period (example default: 6 months)
        String resident = insured("周长住", retiredEmployee(WUWEI));
        Map<String, Object> lt = form(resident, "周长住", "职工医保", "新增", LocalDate.now().toString(), CHENGDU,
                materials("622036004002", WUWEI, "凭证", "备案表", "长期居住认定材料"));
        body(apply("long-term-residents", resident, lt).expectStatus().isCreated());
        lt.put("登记类别", "变更");
        assertThat(body(apply("long-term-residents", resident, lt).expectStatus().isEqualTo(422))
                .findValuesAsString("code")).contains("holding-period");
    }

    @Test
    void cancellation_and_expiry_end_a_filing_and_settlement_sees_it() {
        String id = insured("吴取消", retiredEmployee(WUWEI));
        List<String> proof = materials("622036004004", WUWEI, "凭证", "备案表", "转诊转院证明");
        Map<String, Object> f = form(id, "吴取消", "职工医保", "新增", "2026-12-01", LANZHOU, proof);
        f.put("转往地址", "兰州大学第一医院");
        f.put("转诊医疗机构", "武威市人民医院");
        String number = body(apply("referrals", id, f).expectStatus().isCreated()).get("caseNumber").asString();
        assertThat(lookup(id, "620102", "2026-12-15").get("filed").asBoolean()).isTrue();

        // another citizen does not even see it; the person cancels with their identity only
        String other = TestIdentities.randomIdNumber(1990);
        http.post().uri("/api/v1/offsite-filing/filings/{n}/cancellation", number)
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(other))).exchange().expectStatus().isNotFound();
        http.post().uri("/api/v1/offsite-filing/filings/{n}/cancellation", number)
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        events.awaitEvent(e -> e.type().equals(FilingEvents.CANCELLED) && e.dataJson().contains(number), Duration.ofSeconds(30));
        assertThat(lookup(id, "620102", "2026-12-15").get("filed").asBoolean()).isFalse();

        // a referral that began 200 days ago ran out 20 days ago (180 days): expiry ends it on its own
        String late = insured("郑过期", retiredEmployee(WUWEI));
        Map<String, Object> old = form(late, "郑过期", "职工医保", "新增", LocalDate.now().minusDays(200).toString(),
                LANZHOU, proof);
        old.put("转往地址", "兰州大学第一医院");
        old.put("转诊医疗机构", "武威市人民医院");
        String expiring = body(apply("referrals", late, old).expectStatus().isCreated()).get("caseNumber").asString();
        assertThat(expiry.expireDue().block()).isGreaterThanOrEqualTo(1L);
        assertThat(filing(late, expiring).get("status").asString()).isEqualTo("EXPIRED");
        events.awaitEvent(e -> e.type().equals(FilingEvents.EXPIRED) && e.dataJson().contains(expiring), Duration.ofSeconds(30));
    }

    @Test
    void songpan_files_an_emergency_stay_afterwards_and_an_injury_only_within_the_province() {
        String id = insured("马急诊", resident(SONGPAN));
        String item = "local:songpan:异地急诊、抢救住院登记备案";
        LocalDate admitted = LocalDate.now().minusDays(10);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("姓名", "马急诊");
        f.put("参保险种", "城乡居民医保");
        f.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        f.put("就医地", CHENGDU);
        f.put("入院日期", admitted.toString());
        f.put("出院日期", admitted.plusDays(6).toString());
        f.put("是否外伤", true);
        f.put("申请材料", materials(item, SONGPAN, "凭证", "急诊抢救病历"));

        // seed 003 (松潘) §十九 备注: 外伤暂不能跨省直接结算，外伤省内异地就医直接结算需填写《四川省省内异地就医外伤入院登记表》
        // an injury within Sichuan without that form is refused
        assertThat(body(apply("emergency-stays", id, f).expectStatus().isEqualTo(422)).findValuesAsString("message"))
                .anyMatch(m -> m.contains("四川省省内异地就医外伤入院登记表"));
        f.put("申请材料", materials(item, SONGPAN, "凭证", "急诊抢救病历", "外伤入院登记表"));
        String number = body(apply("emergency-stays", id, f).expectStatus().isCreated()).get("caseNumber").asString();
        JsonNode filing = filing(id, number);
        assertThat(filing.get("validFrom").asString()).isEqualTo(admitted.toString());
        assertThat(filing.get("validUntil").asString()).isEqualTo(admitted.plusDays(6).toString());

        // 外伤暂不能跨省直接结算; and a stay more than 90 days ago (example window) is too late
        String other = insured("牛外伤", resident(SONGPAN));
        Map<String, Object> g = new LinkedHashMap<>(f);
        g.put("姓名", "牛外伤");
        g.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", other));
        g.put("就医地", LANZHOU);
        g.put("入院日期", LocalDate.now().minusDays(120).toString());
        g.put("出院日期", LocalDate.now().minusDays(110).toString());
        assertThat(body(apply("emergency-stays", other, g).expectStatus().isEqualTo(422)).findValuesAsString("code"))
                .contains("injury-cross-province", "too-late");
    }
}
