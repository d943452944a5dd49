package org.jingban.offsitefiling.onething;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jingban.enrollment.api.EnrollmentTopics;
import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.enrollment.api.coverage.EnrollmentReadModel;
import org.jingban.offsitefiling.EnrollmentEvents;
import org.jingban.offsitefiling.api.OffsiteFilingTopics;
import org.jingban.offsitefiling.api.OneThingEvents;
import org.jingban.platform.calendar.WorkingDayCalendar;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.security.test.TestTokens;
import org.jingban.platform.test.CloudEventRecord;
import org.jingban.platform.test.EventProbe;
import org.jingban.platform.test.Eventually;
import org.jingban.platform.test.JingbanInfrastructure;
import org.jingban.platform.test.TestEvents;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import org.jingban.enrollment.api.FamilySharingEvents;

/**
 * 甘肃省就医费用报销“一件事” (seed 004) on the real broker and store: one form (多表合一，一表申报), one 办件号 with its own
 * clock (承诺办结时限 2个工作日, 法定办结时限 3个工作日), the 备案 as its own case in the request, 家庭共济 asked of
 * enrollment-service by event — its answers are published here as enrollment-service publishes them — and each
 * part's refusal named in one notice without undoing the parts that were done.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithJingbanInfrastructure
class OneThingTest {

    static final String WUWEI = "620600";
    static final String SONGPAN = "513224";
    static final String CHENGDU = "510100";
    static final String LT_RESIDENT = "622036004002";
    static EventProbe events;

    @Autowired
    WebTestClient http;
    @Autowired
    Catalog catalog;
    @Autowired
    EnrollmentReadModel readModel;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    OneThingApplications applications;
    @Autowired
    CaseService cases;
    @Autowired
    ReactiveMongoTemplate mongo;

    @BeforeAll
    static void probe() {
        events = JingbanInfrastructure.get().probe(OffsiteFilingTopics.EVENTS);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    String insured(String name, String region) {
        String id = TestIdentities.randomIdNumber(1975);
        EnrollmentEvents.publish(PersonEvents.ENROLLED, id, name,
                EnrollmentEvents.insurance(InsuranceTypes.EMPLOYEE_INSURANCE, region, "在职职工", "ACTIVE"));
        Eventually.until(Duration.ofSeconds(30), () -> readModel.byIdNumber(id).block());
        return id;
    }

    /** The one form: the person once, 表11's fields, the relatives, one set of materials. */
    Map<String, Object> form(String id, String name, String destination, List<Map<String, Object>> relatives) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("姓名", name);
        f.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        f.put("参保险种", "职工医保");
        f.put("联系电话", "13800138000");
        f.put("备案类别", "异地长期居住人员");
        f.put("登记类别", "新增");
        f.put("申请备案开始日期", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        f.put("就医地", destination);
        f.put("参保地联系地址", "甘肃省武威市凉州区东大街1号");
        f.put("共济亲属", relatives);
        // seed 004 二: 有效身份证件、异地就医登记备案表、异地长期居住证明材料 — once, for every part
        f.put("申请材料", catalog.item(LT_RESIDENT, WUWEI).materials().stream().map(Material::name)
                .filter(n -> n.contains("凭证") || n.contains("备案表") || n.contains("认定材料")).toList());
        return f;
    }

    static Map<String, Object> relative(String name, String id, String relation) {
        return Map.of("亲属姓名", name, "亲属证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id), "与本人关系", relation);
    }

    WebTestClient.ResponseSpec apply(String id, Map<String, Object> form) {
        return http.post().uri("/api/v1/offsite-filing/one-things")
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id))).bodyValue(form).exchange();
    }

    JsonNode progress(String id, String caseNumber) {
        return http.get().uri("/api/v1/offsite-filing/one-things/{n}", caseNumber)
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id))).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static JsonNode part(JsonNode view, String name) {
        for (JsonNode p : view.get("parts")) {
            if (p.get("name").asString().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no part " + name);
    }

    /** What enrollment-service answers (offsite-filing-service-api's contract) on its own topic. */
    static void answer(String type, String bundleId, List<String> bound, List<Reason> reasons) {
        TestEvents.publish(EnrollmentTopics.EVENTS, "/jingban/enrollment", type, bundleId,
                new FamilySharingEvents.FamilySharingResult(bundleId, bound, reasons));
    }

    JsonNode eventuallyFinished(String id, String caseNumber) {
        return Eventually.until(Duration.ofSeconds(30), () -> {
            JsonNode v = progress(id, caseNumber);
            return v.get("status").asString().equals("COMPLETED") || v.get("status").asString().equals("REFUSED") ? v : null;
        });
    }

    static final String FAMILY = "职工医保个人账户家庭共济办理";
    static final String FILING = "基本医疗保险参保人员异地就医备案";
    static final String CHRONIC = "五种门诊慢特病费用跨省直接结算";
    static final String DIRECT = "医疗费用报销直接结算";

    @Test
    void one_application_files_at_once_asks_for_family_sharing_and_completes_the_bundle_when_it_is_bound() {
        String id = insured("王一件", WUWEI);
        String child = TestIdentities.randomIdNumber(2012);

        JsonNode answer = apply(id, form(id, "王一件", CHENGDU, List.of(relative("王小", child, "子女"))))
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();

        String number = answer.get("caseNumber").asString();
        assertThat(answer.get("itemCode").asString()).isEqualTo(OneThingApplications.CODE);
        // seed 004: 承诺办结时限 2个工作日, 法定办结时限 3个工作日 — the bundle's own clock, from 受理 (by the system: 全程网办)
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode view = progress(id, number);
        assertThat(view.get("dueDate").asString()).isEqualTo(calendar.addWorkingDays(today, 2).toString());
        assertThat(view.get("statutoryDueDate").asString()).isEqualTo(calendar.addWorkingDays(today, 3).toString());
        assertThat(view.get("overdue").asBoolean()).isFalse();
        assertThat(view.get("idNumber").asString()).contains("*");
        // the 备案 is its own case, done in the request (即办件 in Gansu), and enables direct settlement
        JsonNode filing = part(view, FILING);
        assertThat(filing.get("state").asString()).isEqualTo("DONE");
        String filingNumber = filing.get("caseNumber").asString();
        assertThat(filingNumber).isNotEqualTo(number);
        assertThat(part(view, CHRONIC).get("state").asString()).isEqualTo("ENABLED");
        assertThat(part(view, DIRECT).get("state").asString()).isEqualTo("ENABLED");
        http.post().uri("/api/v1/offsite-filing/filings/lookup")
                .headers(h -> h.setBearerAuth(TestTokens.system("settlement-service")))
                .bodyValue(Map.of("证件号码", id, "就医地", "510104", "就医日期", today.toString())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.filed").isEqualTo(true)
                .jsonPath("$.filingNumber").isEqualTo(filingNumber);
        // 家庭共济 runs in enrollment-service: asked by event, waiting for its answer
        assertThat(part(view, FAMILY).get("state").asString()).isEqualTo("PENDING");
        assertThat(view.get("status").asString()).isNotEqualTo("COMPLETED");
        CloudEventRecord request = events.awaitEvent(e -> e.type().equals(OneThingEvents.FAMILY_SHARING_REQUESTED)
                && e.dataJson().contains(number), Duration.ofSeconds(30));
        OneThingEvents.FamilySharingRequested asked = request.data(OneThingEvents.FamilySharingRequested.class);
        assertThat(asked.holderIdNumber()).isEqualTo(id);
        assertThat(asked.relatives()).extracting(OneThingEvents.Relative::idNumber).containsExactly(child);

        answer(FamilySharingEvents.FAMILY_SHARING_BOUND, asked.bundleId(), List.of("王小（6206**********1234）"), List.of());

        JsonNode done = eventuallyFinished(id, number);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(part(done, FAMILY).get("state").asString()).isEqualTo("DONE");
        assertThat(done.get("notice").isNull()).isTrue();
        // the shared case endpoint shows the same 办件号 (办理进度 of the bundle's own case)
        http.get().uri("/api/v1/offsite-filing/cases/{n}", number).headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("COMPLETED");
        // a late or repeated answer changes nothing
        answer(FamilySharingEvents.FAMILY_SHARING_REFUSED, asked.bundleId(), List.of(),
                List.of(Reason.at("共济亲属[0]", "x", "不应生效")));
        assertThat(progress(id, number).get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void a_refused_family_sharing_is_named_in_one_notice_and_leaves_the_filing_in_force() {
        String id = insured("李部分", WUWEI);
        JsonNode answer = apply(id, form(id, "李部分", CHENGDU, List.of(relative("李兄", TestIdentities.randomIdNumber(1970), "兄弟姐妹"))))
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        String number = answer.get("caseNumber").asString();
        String bundleId = answer.get("caseId").asString();

        // seed 004 一.1 / 适用对象说明: the relative must be insured in Gansu — enrollment-service refuses with its reason
        answer(FamilySharingEvents.FAMILY_SHARING_REFUSED, bundleId, List.of(), List.of(Reason.at("共济亲属[0].亲属证件类型及号码",
                "relative-not-insured-in-province", "李兄（6201**********0000）：共济亲属须在甘肃省内参加职工医保或城乡居民医保（跨省暂不支持）")));

        JsonNode done = eventuallyFinished(id, number);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED"); // the part done stands
        assertThat(part(done, FAMILY).get("state").asString()).isEqualTo("REFUSED");
        assertThat(part(done, FILING).get("state").asString()).isEqualTo("DONE");
        String notice = done.get("notice").asString();
        assertThat(notice).contains("「" + FAMILY + "」未办成", "须在甘肃省内参加", "「" + FILING + "」已办结，不受影响");
        http.get().uri("/api/v1/offsite-filing/filings/{n}", part(done, FILING).get("caseNumber").asString())
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
    }

    /** A bundle applied for without relatives (its 备案 done in the request), read back from the store. */
    OneThing filedBundle(String id, String name) {
        JsonNode answer = apply(id, form(id, name, CHENGDU, List.of())).expectStatus().is2xxSuccessful()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return applications.byNumber(answer.get("caseNumber").asString()).block();
    }

    @Test
    void a_filing_part_waiting_for_a_filing_case_takes_its_result_when_that_case_ends() {
        // a region where 备案 is not a 即办件: the part waits for the 备案 case, which staff complete later
        String id = insured("孙后办", WUWEI);
        OneThing t = filedBundle(id, "孙后办");
        String filingNumber = t.filingPart().orElseThrow().caseNumber();
        mongo.save(t.filingWaiting(filingNumber).marked()).block();
        assertThat(applications.byNumber(t.getCaseNumber()).block().isPending()).isTrue();

        applications.filingEnded(cases.findByNumber(filingNumber).block()).block();

        OneThing after = applications.byNumber(t.getCaseNumber()).block();
        assertThat(after.filingPart().orElseThrow().state()).isEqualTo(OneThing.State.DONE);
        assertThat(after.filingPart().orElseThrow().note()).startsWith("备案有效期：");
        assertThat(after.isPending()).isFalse();
        // a redelivery of the case's end changes nothing
        applications.filingEnded(cases.findByNumber(filingNumber).block()).block();
        assertThat(applications.byNumber(t.getCaseNumber()).block().getVersion()).isEqualTo(after.getVersion());
    }

    @Test
    void the_sweep_settles_a_filing_part_a_crash_left_waiting_from_the_persons_filing_case_or_refuses_it() {
        // a crash between the bundle's first write and recording the 备案: the part waits without a case number
        String id = insured("周巡检", WUWEI);
        OneThing found = filedBundle(id, "周巡检");
        String filingNumber = found.filingPart().orElseThrow().caseNumber();
        mongo.save(found.filingWaiting(null).marked()).block();
        // and one whose 备案 was never made (a person without any 备案 case)
        OneThing lost = filedBundle(insured("吴中断", WUWEI), "吴中断");
        mongo.save(lost.filingWaiting(null).marked()).block();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(lost.getId())),
                new Update().set("idNumber", TestIdentities.randomIdNumber(1970)), OneThing.class).block();

        assertThat(applications.sweep(Duration.ZERO).block()).isGreaterThanOrEqualTo(2L);

        OneThing.Part recovered = applications.byNumber(found.getCaseNumber()).block().filingPart().orElseThrow();
        assertThat(recovered.state()).isEqualTo(OneThing.State.DONE);
        assertThat(recovered.caseNumber()).isEqualTo(filingNumber);
        OneThing.Part refused = applications.byNumber(lost.getCaseNumber()).block().filingPart().orElseThrow();
        assertThat(refused.state()).isEqualTo(OneThing.State.REFUSED);
        assertThat(refused.reasons()).extracting(Reason::code).containsExactly("filing-failed");
        assertThat(applications.byNumber(lost.getCaseNumber()).block().isPending()).isFalse();
    }

    @Test
    void a_bundle_case_a_crash_left_without_its_parts_is_ended_by_the_sweep_with_a_reason() {
        // a bundle still waiting (家庭共济 asked), then its parts' document lost: a crash between the two first writes
        String id = insured("冯中断", WUWEI);
        JsonNode answer = apply(id, form(id, "冯中断", CHENGDU, List.of(relative("冯小", TestIdentities.randomIdNumber(2013),
                "子女")))).expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        String number = answer.get("caseNumber").asString();
        OneThing t = applications.byNumber(number).block();
        mongo.remove(Query.query(Criteria.where("_id").is(t.getId())), OneThing.class).block();

        applications.sweep(Duration.ZERO).block();

        org.jingban.platform.cases.Case c = cases.findByNumber(number).block();
        assertThat(c.getStatus()).isEqualTo(org.jingban.platform.cases.CaseStatus.REFUSED);
        assertThat(c.getReasons()).extracting(Reason::code).containsExactly("interrupted");
    }

    @Test
    void when_every_part_is_refused_the_bundle_is_refused_with_every_reason_at_once() {
        String id = insured("赵全拒", WUWEI);
        // 就医地 inside the 参保统筹区 (武威 itself) is not 异地: the 备案 is refused; no relatives: 家庭共济 not applied for
        JsonNode answer = apply(id, form(id, "赵全拒", WUWEI, List.of())).expectStatus().isEqualTo(422)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(answer.get("violations").get(0).get("message").asString()).startsWith("「" + FILING + "」");
        JsonNode view = progress(id, answer.get("caseNumber").asString());
        assertThat(part(view, FILING).get("state").asString()).isEqualTo("REFUSED");
        assertThat(part(view, FILING).get("reasons")).isNotEmpty();
        assertThat(part(view, FAMILY).get("state").asString()).isEqualTo("NOT_APPLIED");
        assertThat(part(view, CHRONIC).get("state").asString()).isEqualTo("NOT_ENABLED");
        assertThat(view.get("status").asString()).isEqualTo("REFUSED"); // 未通过, the bundle's case kept
        assertThat(view.get("notice").asString()).contains("「" + FILING + "」未办成", "各事项均未办成");
        assertThat(events.eventsOfType(OneThingEvents.FAMILY_SHARING_REQUESTED).stream()
                .filter(e -> e.dataJson().contains(answer.get("caseNumber").asString()))).isEmpty();
    }

    @Test
    void the_form_is_checked_once_for_every_part_and_the_bundle_is_offered_in_gansu_only() {
        String id = insured("钱表单", WUWEI);
        Map<String, Object> f = form(id, "钱表单", CHENGDU, List.of(relative("钱友", TestIdentities.randomIdNumber(1980), "朋友"),
                relative("钱己", id, "配偶")));
        f.remove("就医地");

        http.post().uri("/api/v1/offsite-filing/one-things").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id)))
                .bodyValue(f).exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.violations[?(@.field == '共济亲属[0].与本人关系')]").exists()
                .jsonPath("$.violations[?(@.field == '共济亲属[1].亲属证件类型及号码')].code").isEqualTo("self")
                .jsonPath("$.violations[?(@.field == '就医地')]").exists();

        // the bundle is 甘肃's (seed 004): a person insured in 松潘 gets it refused, no case
        String sichuan = insured("孙四川", SONGPAN);
        apply(sichuan, form(sichuan, "孙四川", "620100", List.of())).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.violations[0].code").isEqualTo("not-offered");
    }
}
