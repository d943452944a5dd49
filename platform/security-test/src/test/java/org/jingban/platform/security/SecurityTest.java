package org.jingban.platform.security;

import java.net.URI;
import java.time.Duration;

import org.jingban.platform.security.app.SecuredTestApplication;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.security.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.jingban.platform.security.app.SecuredTestApplication.ALICE;
import static org.jingban.platform.security.app.SecuredTestApplication.SONGPAN;
import static org.jingban.platform.security.app.SecuredTestApplication.WUWEI;

class SecurityTest extends SecuredApplicationTest {

    @LocalServerPort
    int port;

    @Test
    void without_a_token_a_protected_path_answers_401_as_a_problem() {
        get("/api/v1/test/records/r-alice", null)
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:jingban:problem:unauthorized")
                .jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void an_encoded_path_traversal_is_refused_as_a_problem_not_a_bare_400() {
        // an absolute URI, so that the client sends the encoded separators as they are
        http.get().uri(URI.create("http://localhost:" + port + "/api/v1/test/records/..%2F..%2Factuator")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:jingban:problem:bad-request")
                .jsonPath("$.violations[0].field").isEqualTo("请求地址")
                .jsonPath("$.violations[0].code").isEqualTo("rejected-path");
    }

    @Test
    void a_token_signed_by_an_unknown_key_or_expired_answers_401_invalid_token() {
        get("/api/v1/test/me", TestTokens.untrusted(Role.CLERK))
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody().jsonPath("$.type").isEqualTo("urn:jingban:problem:unauthorized");
        String expired = TestTokens.as(Role.CLERK).subject("c1").regions(WUWEI).validFor(Duration.ofMinutes(-10)).token();
        get("/api/v1/test/me", expired).expectStatus().isUnauthorized();
    }

    @Test
    void a_citizen_token_without_a_valid_id_number_is_refused() {
        get("/api/v1/test/me", TestTokens.as(Role.INSURED_PERSON).subject("x").idNumber("620602198001010011").token())
                .expectStatus().isUnauthorized();
        get("/api/v1/test/me", TestTokens.as().subject("x").token()).expectStatus().isUnauthorized();
    }

    @Test
    void public_paths_need_no_token() {
        get("/api/v1/catalog/ping", null).expectStatus().isOk().expectBody().jsonPath("$.public").isEqualTo(true);
        get("/actuator/health/liveness", null).expectStatus().isOk();
        get("/v3/api-docs", null).expectStatus().isOk();
    }

    @Test
    void other_actuator_endpoints_are_for_ops() {
        get("/actuator/metrics", null).expectStatus().isUnauthorized();
        get("/actuator/metrics", TestTokens.clerk("c1", WUWEI)).expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:jingban:problem:forbidden");
        get("/actuator/metrics", TestTokens.ops("ops-1")).expectStatus().isOk();
    }

    @Test
    void the_caller_carries_the_claims_of_the_token() {
        String token = TestTokens.as(Role.CLERK, Role.REVIEWER).subject("gh-0042").name("王五").regions(WUWEI, "620602").token();
        get("/api/v1/test/me", token).expectStatus().isOk().expectBody()
                .jsonPath("$.subject").isEqualTo("gh-0042")
                .jsonPath("$.name").isEqualTo("王五")
                .jsonPath("$.roles.length()").isEqualTo(2)
                .jsonPath("$.regions.length()").isEqualTo(2);
        String unit = TestIdentities.unitCode(7);
        get("/api/v1/test/me", TestTokens.employerAgent(unit)).expectStatus().isOk().expectBody()
                .jsonPath("$.unitCode").isEqualTo(unit)
                .jsonPath("$.roles[0]").isEqualTo("EMPLOYER_AGENT");
        get("/api/v1/test/whoami", TestTokens.system("portal", "cases:submit")).expectStatus().isOk()
                .expectBody().jsonPath("$.subject").isEqualTo("portal");
    }

    @Test
    void a_citizen_sees_their_own_record_and_another_citizens_is_not_found() {
        get("/api/v1/test/records/r-alice", TestTokens.insuredPerson(ALICE)).expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("张三");
        get("/api/v1/test/records/r-bob", TestTokens.insuredPerson(ALICE)).expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:jingban:problem:not-found");
        // the same answer as for a record that does not exist
        get("/api/v1/test/records/r-nobody", TestTokens.insuredPerson(ALICE)).expectStatus().isNotFound();
    }

    @Test
    void staff_see_records_of_their_regions_only() {
        get("/api/v1/test/records/r-alice", TestTokens.clerk("c1", WUWEI)).expectStatus().isOk();
        get("/api/v1/test/records/r-alice", TestTokens.clerk("c2", SONGPAN)).expectStatus().isNotFound();
        get("/api/v1/test/records/r-alice", TestTokens.reviewer("r1", WUWEI, SONGPAN)).expectStatus().isOk();
    }

    @Test
    void a_role_not_named_on_the_endpoint_is_forbidden() {
        get("/api/v1/test/records/r-alice", TestTokens.finance("f1", WUWEI)).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("该业务仅限参保人、受理人员、审核人员办理");
        get("/api/v1/test/records/r-alice", TestTokens.employerAgent(TestIdentities.unitCode(1))).expectStatus().isForbidden();
    }

    @Test
    void a_forbidden_action_on_ones_own_record_is_403_and_on_anothers_404() {
        http.post().uri("/api/v1/test/records/r-alice/accept").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(ALICE)))
                .exchange().expectStatus().isForbidden();
        http.post().uri("/api/v1/test/records/r-bob/accept").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(ALICE)))
                .exchange().expectStatus().isNotFound();
        http.post().uri("/api/v1/test/records/r-alice/accept").headers(h -> h.setBearerAuth(TestTokens.clerk("c1", WUWEI)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.acceptedBy").isEqualTo("c1");
        http.post().uri("/api/v1/test/records/r-alice/accept").headers(h -> h.setBearerAuth(TestTokens.clerk("c2", SONGPAN)))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void a_system_client_needs_one_of_the_scopes_the_endpoint_names() {
        get("/api/v1/test/export", TestTokens.system("portal", "records:export")).expectStatus().isOk();
        get("/api/v1/test/export", TestTokens.system("portal", "cases:submit")).expectStatus().isForbidden();
        get("/api/v1/test/export", TestTokens.ops("ops-1")).expectStatus().isOk();
    }

    @Test
    void the_api_document_says_who_may_call_each_operation_and_how_to_authenticate() {
        get("/v3/api-docs", null).expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/test/records/{id}'].get.x-jingban-access.roles.length()").isEqualTo(3)
                .jsonPath("$.paths['/api/v1/test/records/{id}'].get.x-jingban-access.object").isEqualTo("PATH")
                .jsonPath("$.paths['/api/v1/test/export'].get.x-jingban-access.scopes[0]").isEqualTo("records:export")
                .jsonPath("$.paths['/audit-trail'].get.x-jingban-access.roles[0]").isEqualTo("OPS")
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.security[0].bearer").exists();
    }
}
