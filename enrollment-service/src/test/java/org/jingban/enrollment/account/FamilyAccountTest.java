package org.jingban.enrollment.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import java.time.Duration;
import java.util.UUID;

import org.jingban.enrollment.EnrollmentTest;
import org.jingban.enrollment.api.EnrollmentTopics;
import org.jingban.offsitefiling.api.OffsiteFilingTopics;
import org.jingban.offsitefiling.api.OneThingEvents;
import org.jingban.platform.test.CloudEventRecord;
import org.jingban.platform.test.EventProbe;
import org.jingban.platform.test.JingbanInfrastructure;
import org.jingban.platform.test.TestEvents;
import org.jingban.enrollment.person.InsuredPerson;
import org.jingban.enrollment.person.InsuredPersons;
import org.jingban.platform.security.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.jingban.enrollment.api.FamilySharingEvents;

class FamilyAccountTest extends EnrollmentTest {

    static final String SETTLEMENT = TestTokens.system("settlement-service", AccountHandlers.ACCOUNT_SCOPE);

    @Autowired
    InsuredPersons persons;
    @Autowired
    AccountLedger ledger;

    private String employeeWithBalance(long fen) {
        String uscc = newUscc();
        String id = newIdNumber(1980);
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(unitForm(uscc, WUWEI)).exchange().expectStatus().isCreated();
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(employeeRow("父亲", id, "5000.00", "增加"))))
                .exchange().expectStatus().isCreated();
        InsuredPerson p = persons.findByIdNumber(id).block(TIMEOUT);
        ledger.post(p.getId(), PostEntry.credit(EntryKind.CONTRIBUTION, fen, "c-" + p.getId(), "202611", null)).block(TIMEOUT);
        return id;
    }

    private String residentChild() {
        String id = newIdNumber(2015);
        Map<String, Object> form = new java.util.LinkedHashMap<>();
        form.put("姓名", "孩子");
        form.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        form.put("出生日期", "2015-" + id.substring(10, 12) + "-" + id.substring(12, 14));
        form.put("联系电话", "13709351234");
        form.put("户籍地址", "甘肃省武威市");
        form.put("申请人身份", "中小学儿童");
        form.put("参保地区", WUWEI);
        form.put("申请材料", List.of("有效身份证件", "《城乡居民基本医疗保险参保登记表》"));
        web.post().uri("/api/v1/enrollment/residents").headers(h -> h.setBearerAuth(TestTokens.clerk("gh-f", WUWEI)))
                .bodyValue(form).exchange().expectStatus().isCreated();
        return id;
    }

    private static Map<String, Object> bind(String id, String relation) {
        return Map.of("亲属姓名", "孩子", "亲属证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id), "与本人关系", relation);
    }

    @Test
    void a_worker_binds_their_child_and_settlement_pays_the_childs_costs_from_the_account_until_unbound() {
        String parent = employeeWithBalance(500_00);
        String child = residentChild();
        String self = TestTokens.insuredPerson(parent);

        Map<?, ?> member = web.post().uri("/api/v1/enrollment/accounts/family-members").headers(h -> h.setBearerAuth(self))
                .bodyValue(bind(child, "子女")).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        web.post().uri("/api/v1/enrollment/accounts/family-members").headers(h -> h.setBearerAuth(self))
                .bodyValue(bind(child, "子女")).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.violations[0].code").isEqualTo("already-bound");

        List<?> payers = web.post().uri("/api/v1/enrollment/accounts/family-payers").headers(h -> h.setBearerAuth(SETTLEMENT))
                .bodyValue(Map.of("relativeIdNumber", child)).exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
        assertThat(payers).hasSize(1);
        // an invalid 证件号码 is a 400 naming it, never an empty list (issue "Input hygiene")
        web.post().uri("/api/v1/enrollment/accounts/family-payers").headers(h -> h.setBearerAuth(SETTLEMENT))
                .bodyValue(Map.of("relativeIdNumber", "620602199001011231")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.violations[0].field").isEqualTo("relativeIdNumber");
        String accountId = (String) ((Map<?, ?>) payers.get(0)).get("accountId");

        web.post().uri("/api/v1/enrollment/accounts/{a}/family-debits", accountId).headers(h -> h.setBearerAuth(SETTLEMENT))
                .bodyValue(Map.of("relativeIdNumber", child, "amount", "120.00", "idempotencyKey", "fam-1", "reference", "结算单F"))
                .exchange().expectStatus().isCreated()
                // 500.00 − 120.00 = 380.00
                .expectBody().jsonPath("$.balanceAfter").isEqualTo("380.00").jsonPath("$.remark").isEqualTo("家庭共济（子女）");

        web.delete().uri("/api/v1/enrollment/accounts/family-members/{m}", member.get("memberId"))
                .headers(h -> h.setBearerAuth(self)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UNBOUND");
        web.post().uri("/api/v1/enrollment/accounts/{a}/family-debits", accountId).headers(h -> h.setBearerAuth(SETTLEMENT))
                .bodyValue(Map.of("relativeIdNumber", child, "amount", "1.00", "idempotencyKey", "fam-2"))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.violations[0].code").isEqualTo("not-bound");
        // someone else cannot unbind it
        web.delete().uri("/api/v1/enrollment/accounts/family-members/{m}", member.get("memberId"))
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(child))).exchange().expectStatus().isNotFound();
    }

    @Test
    void relatives_outside_the_list_or_not_insured_in_gansu_are_refused_with_every_reason() {
        String parent = employeeWithBalance(10_00);
        String self = TestTokens.insuredPerson(parent);
        web.post().uri("/api/v1/enrollment/accounts/family-members").headers(h -> h.setBearerAuth(self))
                .bodyValue(bind(newIdNumber(1990), "朋友")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.violations[0].field").isEqualTo("与本人关系");
        web.post().uri("/api/v1/enrollment/accounts/family-members").headers(h -> h.setBearerAuth(self))
                .bodyValue(bind(parent, "配偶")).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.violations.length()").isEqualTo(1)
                .jsonPath("$.violations[0].code").isEqualTo("self");
        web.post().uri("/api/v1/enrollment/accounts/family-members").headers(h -> h.setBearerAuth(self))
                .bodyValue(bind(newIdNumber(1990), "兄弟姐妹")).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.violations[0].code").isEqualTo("relative-not-insured-in-province");
    }

    /** 就医费用报销“一件事” (seed 004) asks offsite-filing-service's way: a request event, an answer event, once per bundle. */
    private static void requestFamilySharing(String bundleId, String holder, List<OneThingEvents.Relative> relatives) {
        TestEvents.publish(OffsiteFilingTopics.EVENTS, "/jingban/offsite-filing", OneThingEvents.FAMILY_SHARING_REQUESTED,
                bundleId, new OneThingEvents.FamilySharingRequested(bundleId, "BJ-" + bundleId.substring(0, 8), holder,
                        WUWEI, relatives));
    }

    @Test
    void a_one_thing_binds_the_relatives_it_names_by_event_and_is_answered_once_per_bundle() {
        String parent = employeeWithBalance(100_00);
        String child = residentChild();
        String bundleId = UUID.randomUUID().toString();
        try (EventProbe answers = JingbanInfrastructure.get().probe(EnrollmentTopics.EVENTS)) {
            // seed 004 受理条件 一.2: 子女 is among the relations a 家庭共济 account serves
            requestFamilySharing(bundleId, parent, List.of(new OneThingEvents.Relative("孩子", null, child, "子女")));

            CloudEventRecord answer = answers.awaitEvent(e -> bundleId.equals(e.subject()), TIMEOUT);
            assertThat(answer.type()).isEqualTo(FamilySharingEvents.FAMILY_SHARING_BOUND);
            assertThat(answer.dataJson()).doesNotContain(child); // the relative's number travels masked
            List<?> payers = web.post().uri("/api/v1/enrollment/accounts/family-payers").headers(h -> h.setBearerAuth(SETTLEMENT))
                    .bodyValue(Map.of("relativeIdNumber", child)).exchange().expectStatus().isOk()
                    .expectBody(List.class).returnResult().getResponseBody();
            assertThat(payers).hasSize(1);

            // the same request again (a redelivery, or the bundle asking twice): nothing changes, no second answer
            requestFamilySharing(bundleId, parent, List.of(new OneThingEvents.Relative("孩子", null, child, "子女")));
            String marker = UUID.randomUUID().toString();
            requestFamilySharing(marker, parent, List.of());
            answers.awaitEvent(e -> marker.equals(e.subject()), TIMEOUT); // later than the repeated request
            assertThat(answers.events().stream().filter(e -> bundleId.equals(e.subject()))).hasSize(1);
        }
    }

    @Test
    void a_relative_not_insured_in_gansu_is_refused_by_event_with_every_reason_and_the_others_stay_bound() {
        String parent = employeeWithBalance(10_00);
        String child = residentChild();
        String stranger = newIdNumber(1990); // insured nowhere in Gansu
        String bundleId = UUID.randomUUID().toString();
        try (EventProbe answers = JingbanInfrastructure.get().probe(EnrollmentTopics.EVENTS)) {
            requestFamilySharing(bundleId, parent, List.of(new OneThingEvents.Relative("孩子", null, child, "子女"),
                    new OneThingEvents.Relative("兄长", null, stranger, "兄弟姐妹")));

            CloudEventRecord answer = answers.awaitEvent(e -> bundleId.equals(e.subject()), TIMEOUT);
            // seed 004 适用对象说明: 职工医保个人账户家庭共济办理仅支持在甘肃省内参保人员
            assertThat(answer.type()).isEqualTo(FamilySharingEvents.FAMILY_SHARING_REFUSED);
            FamilySharingEvents.FamilySharingResult result = org.jingban.platform.messaging.EventJson.read(answer.dataJson(),
                    FamilySharingEvents.FamilySharingResult.class);
            assertThat(result.reasons()).extracting(org.jingban.platform.cases.Reason::code)
                    .containsExactly("relative-not-insured-in-province");
            assertThat(result.reasons().get(0).field()).startsWith("共济亲属[1]");
            assertThat(result.bound()).hasSize(1);
            List<?> payers = web.post().uri("/api/v1/enrollment/accounts/family-payers").headers(h -> h.setBearerAuth(SETTLEMENT))
                    .bodyValue(Map.of("relativeIdNumber", child)).exchange().expectStatus().isOk()
                    .expectBody(List.class).returnResult().getResponseBody();
            assertThat(payers).hasSize(1);
        }
    }
}
