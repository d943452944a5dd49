package org.jingban.platform.service.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.MaterialStatus;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.SubmitCase;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.security.audit.AuditTrail;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.security.test.TestTokens;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The shared case endpoints on the real store and broker: a 个人账户一次性支取 (622036002003, 申请—受理—审核—拨付—办结)
 * goes through its chain by staff of Wuwei, each step by its role; the applicant follows it and evaluates it;
 * other parties and other regions see nothing; the kernel's refusals come back as 422 with every reason.
 */
@SpringBootTest(classes = CaseServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithJingbanInfrastructure
class CaseHandlersTest {

    static final String PATH = "/api/v1/test-area/cases";
    static final String WUWEI = "620600";

    @Autowired
    WebTestClient http;
    @Autowired
    CaseService cases;
    @Autowired
    ReactiveMongoTemplate mongo;

    final String applicantId = TestIdentities.idNumber(41);
    final String applicant = TestTokens.insuredPerson(applicantId);
    final String clerk = TestTokens.clerk("gh-clerk", WUWEI);
    final String reviewer = TestTokens.reviewer("gh-reviewer", WUWEI);
    final String finance = TestTokens.finance("gh-finance", WUWEI);

    String submit(String idNumber) {
        Case submitted = cases.submit(SubmitCase.of("622036002003", WUWEI, Channel.PORTAL, Party.person(idNumber, "张三"),
                Map.of("reason", "出国(境)定居"), List.of())).block();
        return submitted.getCaseNumber();
    }

    WebTestClient.ResponseSpec post(String token, String caseNumber, String step, Object body) {
        var request = http.post().uri(PATH + "/{no}/" + step, caseNumber).headers(h -> h.setBearerAuth(token));
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void a_withdrawal_goes_through_its_chain_step_by_step_and_the_applicant_follows_and_evaluates_it() {
        String no = submit(applicantId);

        post(clerk, no, "accept", null).expectStatus().isOk()
                .expectBody().jsonPath("$.currentStage").isEqualTo("审核").jsonPath("$.dueDate").exists();
        post(reviewer, no, "advance", Map.of("stage", "审核", "remark", "材料合规")).expectStatus().isOk()
                .expectBody().jsonPath("$.currentStage").isEqualTo("拨付");
        post(finance, no, "advance", Map.of("stage", "拨付")).expectStatus().isOk()
                .expectBody().jsonPath("$.currentStage").isEqualTo("办结");
        post(finance, no, "complete", Map.of("details", Map.of("amount", "1234.50"))).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("COMPLETED");

        // the applicant's view: progress, without staff identities
        http.get().uri(PATH + "/{no}", no).headers(h -> h.setBearerAuth(applicant)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("COMPLETED")
                .jsonPath("$.history[1].by").isEqualTo("受理人员")
                .jsonPath("$.history[*].actorId").doesNotExist();
        http.get().uri(PATH + "/mine").headers(h -> h.setBearerAuth(applicant)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.caseNumber == '" + no + "')].status").isEqualTo("COMPLETED");

        post(applicant, no, "evaluation", Map.of("score", 5, "comment", "办理迅速")).expectStatus().isOk()
                .expectBody().jsonPath("$.evaluation.score").isEqualTo(5);
        // once only
        post(applicant, no, "evaluation", Map.of("score", 1)).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        // every decision is in the audit trail, by the person who took it
        List<String> actors = mongo.find(Query.query(Criteria.where("objectId").is(no).and("action").is("DECISION")),
                Map.class, AuditTrail.COLLECTION).map(entry -> (String) entry.get("actor")).collectList().block();
        assertThat(actors).containsExactly("gh-clerk", "gh-reviewer", "gh-finance", "gh-finance");
    }

    @Test
    void staff_read_the_whole_case_and_the_read_is_audited() {
        String no = submit(applicantId);
        http.get().uri(PATH + "/{no}", no).headers(h -> h.setBearerAuth(clerk)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.applicant.id").isEqualTo(applicantId)
                .jsonPath("$.form.reason").isEqualTo("出国(境)定居")
                .jsonPath("$.stages.length()").isEqualTo(5);
        Long reads = mongo.count(Query.query(Criteria.where("objectId").is(no).and("action").is("READ")
                .and("actor").is("gh-clerk")), AuditTrail.COLLECTION).block();
        assertThat(reads).isEqualTo(1);

        http.get().uri(PATH + "?status=SUBMITTED&itemCode=622036002003&size=100").headers(h -> h.setBearerAuth(clerk))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.caseNumber == '" + no + "')].applicantId").value(ids ->
                        assertThat(ids.toString()).doesNotContain(applicantId).contains("****"));
    }

    @Test
    void another_citizen_and_staff_of_another_region_get_404_and_the_wrong_role_403() {
        String no = submit(applicantId);
        String stranger = TestTokens.insuredPerson(TestIdentities.idNumber(42));
        String lanzhouClerk = TestTokens.clerk("gh-lz", "620100");

        http.get().uri(PATH + "/{no}", no).headers(h -> h.setBearerAuth(stranger)).exchange().expectStatus().isNotFound();
        http.get().uri(PATH + "/{no}", no).headers(h -> h.setBearerAuth(lanzhouClerk)).exchange().expectStatus().isNotFound();
        post(lanzhouClerk, no, "accept", null).expectStatus().isNotFound();
        // a form, good or bad, tells nobody anything about a case they cannot see
        post(stranger, no, "evaluation", Map.of()).expectStatus().isNotFound();
        post(lanzhouClerk, no, "reject", Map.of()).expectStatus().isNotFound();
        http.get().uri(PATH + "/{no}", "620600-20260101-999999").headers(h -> h.setBearerAuth(clerk)).exchange()
                .expectStatus().isNotFound();

        // the applicant may not accept their own case; a reviewer may not accept either
        post(applicant, no, "accept", null).expectStatus().isForbidden();
        post(reviewer, no, "accept", null).expectStatus().isForbidden();
        http.get().uri(PATH + "/{no}", no).exchange().expectStatus().isUnauthorized();
        // a clerk cannot work another region's queue
        http.get().uri(PATH + "?region=620100").headers(h -> h.setBearerAuth(clerk)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.violations[0].field").isEqualTo("region");
    }

    @Test
    void one_person_may_not_accept_and_review_a_higher_risk_case() {
        String no = submit(applicantId);
        String clerkAndReviewer = TestTokens.as(org.jingban.platform.security.Role.CLERK,
                org.jingban.platform.security.Role.REVIEWER).subject("gh-both").regions(WUWEI).token();
        post(clerkAndReviewer, no, "accept", null).expectStatus().isOk();
        post(clerkAndReviewer, no, "advance", Map.of("stage", "审核")).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.violations[0].field").isEqualTo("case")
                .jsonPath("$.violations[0].message").value(message -> assertThat((String) message).contains("岗位"))
                .jsonPath("$.caseNumber").isEqualTo(no);
    }

    @Test
    void a_notice_to_supplement_lists_every_missing_material_and_the_applicant_resumes() {
        String no = submit(applicantId);
        post(clerk, no, "accept", null).expectStatus().isOk();
        post(reviewer, no, "supplement", Map.of("reasons", List.of(
                Map.of("code", "material.missing", "message", "缺少出国（境）定居证明"),
                Map.of("message", "缺少本人银行账户信息")))).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("WAITING_FOR_APPLICANT")
                .jsonPath("$.reasons.length()").isEqualTo(2);
        post(applicant, no, "resume", Map.of("supplied", List.of(Map.of("name", "出国（境）定居证明"),
                Map.of("name", "银行账户信息", "state", "PROVIDED")))).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UNDER_REVIEW");
    }

    @Test
    void bad_forms_list_every_problem_at_once_and_change_nothing() {
        String no = submit(applicantId);
        post(clerk, no, "reject", Map.of("reasons", List.of(Map.of("code", "x"), Map.of("message", " "))))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.violations.length()").isEqualTo(2)
                .jsonPath("$.violations[0].field").isEqualTo("reasons[0].message")
                .jsonPath("$.violations[1].field").isEqualTo("reasons[1].message");
        post(applicant, no, "resume", Map.of("supplied", List.of(Map.of("state", "LOST"), Map.of("name", "a", "state", "LOST"))))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.violations.length()").isEqualTo(2);
        http.get().uri(PATH + "/{no}", no).headers(h -> h.setBearerAuth(applicant)).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("SUBMITTED");
    }

    @Test
    void the_case_endpoints_are_in_the_service_document_with_their_access() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['" + PATH + "/{caseNumber}/accept'].post.x-jingban-access").exists()
                .jsonPath("$.servers[0].url").isEqualTo("/");
    }
}
