package org.jingban.gateway;

import java.net.URI;
import static org.assertj.core.api.Assertions.assertThat;

import org.jingban.platform.test.WithJingbanInfrastructure;
import java.util.stream.Stream;
import org.jingban.platform.security.test.AuthorizationMatrix;
import org.jingban.platform.security.test.MatrixFixtures;
import org.jingban.platform.security.test.TestTokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The gateway as a portal sees it: the service guide of every item, 预计办结日期, routing to a
 * service, and one health call that shows every service. A small HTTP server stands in for one
 * service; another service's address has nobody listening.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithJingbanInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class GatewayTest {

    static final DisposableServer fakeTransferService = HttpServer.create().host("127.0.0.1").port(0)
            .route(routes -> routes
                    .get("/actuator/health", (req, res) -> res.header("Content-Type", "application/json")
                            .sendString(Mono.just("{\"status\":\"UP\"}")))
                    .get("/api/v1/transfer/echo", (req, res) -> res.header("Content-Type", "application/json")
                            .sendString(Mono.just("{\"path\":\"" + req.uri() + "\"}")))
                    .get("/audit-trail", (req, res) -> res.header("Content-Type", "application/json")
                            .sendString(Mono.just("{\"query\":\"" + req.uri() + "\"}")))
                    .route(req -> req.uri().startsWith("/api/v1/transfer/headers") || req.uri().startsWith("/api/v1/transfer/limited"),
                            (req, res) -> res.header("Content-Type", "application/json")
                            .sendString(Mono.just("{\"requestId\":\"" + req.requestHeaders().get("X-Request-Id")
                                    + "\",\"bearer\":" + req.requestHeaders().contains("Authorization") + "}")))
                    .get("/v3/api-docs", (req, res) -> res.header("Content-Type", "application/json")
                            .sendString(Mono.just("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"fake transfer\"}}"))))
            .bindNow();

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) {
        registry.add("jingban.gateway.services.transfer-service.uri", () -> "http://127.0.0.1:" + fakeTransferService.port());
        // nobody listens on port 1
        registry.add("jingban.gateway.services.settlement-service.uri", () -> "http://127.0.0.1:1");
        // edge protection, small enough to test: three calls per client on one route, then nothing for an hour
        registry.add("jingban.gateway.edge.rate-limit.routes.[/api/v1/transfer/limited/**].capacity", () -> "3");
        registry.add("jingban.gateway.edge.rate-limit.routes.[/api/v1/transfer/limited/**].refill-per-second", () -> "0.0003");
        registry.add("jingban.gateway.edge.max-request-size", () -> "64KB");
        registry.add("jingban.gateway.edge.cors-origins", () -> "https://zwfw.example.gov.cn");
    }

    @AfterAll
    static void stopFake() {
        fakeTransferService.disposeNow();
    }

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @Test
    void the_catalog_lists_all_43_items_of_the_source_documents() {
        http.get().uri("/api/v1/catalog/items").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(43)
                .jsonPath("$.items.length()").isEqualTo(43)
                .jsonPath("$.items[?(@.code == '622036003002')].name").isEqualTo("转移接续手续办理")
                .jsonPath("$.items[?(@.code == 'national:其他临时外出就医人员备案')].service").isEqualTo("offsite-filing-service");
    }

    @Test
    void the_service_guide_of_a_transfer_in_wuwei_names_its_office_limits_and_templates() {
        http.get().uri("/api/v1/catalog/items/622036003002?region=620600").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.code").isEqualTo("622036003002")
                .jsonPath("$.timeLimit.workingDays").isEqualTo(20)
                .jsonPath("$.office.name").isEqualTo("武威市医疗保障局（市医保局窗口）")
                .jsonPath("$.requiredFields[0]").isEqualTo("姓名")
                .jsonPath("$.templates[?(@.event == 'completed')].text")
                .isEqualTo("【经办机构落款】尊敬的***,您于****年**月**日办理的转移接续已完成。如有疑问，请咨询******(电话)。");
    }

    @Test
    void a_local_item_is_found_by_its_catalog_key() {
        http.get().uri("/api/v1/catalog/items/{code}?region=513224", "local:songpan:参保人员电话号码新增和更改").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("参保人员电话号码新增和更改");
    }

    @Test
    void an_unknown_region_or_item_is_a_problem_not_a_500() {
        http.get().uri("/api/v1/catalog/items?region=999999").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.violations[0].field").isEqualTo("region");
        http.get().uri("/api/v1/catalog/items/622036999999?region=620600").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void an_encoded_path_traversal_is_refused_as_a_problem_not_a_bare_400() {
        // an absolute URI, so that the client sends the encoded separators as they are
        http.get().uri(URI.create("http://localhost:" + port + "/api/v1/transfer/..%2F..%2Factuator")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.violations[0].code").isEqualTo("rejected-path");
    }

    @Test
    void five_working_days_from_30_september_2025_end_after_national_day_with_the_make_up_saturday() {
        // Oct 1–8 off; Oct 9 (1), Oct 10 (2), Sat Oct 11 make-up day (3), Oct 13 (4), Oct 14 (5)
        http.get().uri("/api/v1/calendar/due-date?from=2025-09-30&workingDays=5").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.from").isEqualTo("2025-09-30")
                .jsonPath("$.workingDays").isEqualTo(5)
                .jsonPath("$.dueDate").isEqualTo("2025-10-14");
    }

    @Test
    void the_2026_spring_festival_counts_both_make_up_saturdays() {
        // from Fri Feb 13: Sat Feb 14 make-up (1), Feb 15–23 off, Feb 24–27 (2–5), Sat Feb 28 make-up (6)
        http.get().uri("/api/v1/calendar/due-date?from=2026-02-13&workingDays=6").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.dueDate").isEqualTo("2026-02-28");
    }

    @Test
    void a_due_date_in_2027_is_provisional_and_one_in_2028_refused_until_their_schedules_are_published() {
        // Wed 2026-12-30 + 5: Thu 31 (1), Fri 2027-01-01 (2, 元旦 not yet published), Mon 4 … Wed 6 (5)
        http.get().uri("/api/v1/calendar/due-date?from=2026-12-30&workingDays=5").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.dueDate").isEqualTo("2027-01-06").jsonPath("$.provisional").isEqualTo(true);
        http.get().uri("/api/v1/calendar/due-date?from=2027-12-30&workingDays=5").exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("2028"));
    }

    @Test
    void a_year_loaded_by_ops_is_used_for_due_dates_without_a_restart() throws InterruptedException {
        // 2030 has no bundled schedule; a (made-up) two-day 元旦 makes Jan 2 a day off
        String schedule = """
                {"year":2030,"days":[{"name":"元旦","date":"2030-01-01","isOffDay":true},
                                      {"name":"元旦","date":"2030-01-02","isOffDay":true}]}""";
        http.put().uri("/api/v1/calendar/years/2030").headers(h -> h.setBearerAuth(TestTokens.ops("ops-1")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(schedule)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.year").isEqualTo(2030).jsonPath("$.days").isEqualTo(2);

        // the gateway's own subscriber applies it from the calendar topic within its poll interval
        String dueDate = null;
        for (int attempt = 0; attempt < 100 && dueDate == null; attempt++) {
            dueDate = http.get().uri("/api/v1/calendar/due-date?from=2030-01-01&workingDays=1").exchange()
                    .returnResult(String.class).getResponseBody()
                    .filter(body -> body.contains("dueDate")).blockFirst();
            if (dueDate == null) {
                Thread.sleep(200);
            }
        }
        assertThat(dueDate).contains("\"dueDate\":\"2030-01-03\"");
    }

    @Test
    void a_schedule_with_problems_is_refused_with_every_problem_listed() {
        String schedule = """
                {"year":2031,"days":[{"name":"元旦","date":"2031-01-01","isOffDay":true},
                                      {"name":"元旦","date":"2031-01-01","isOffDay":true},
                                      {"name":"国庆节","date":"2033-10-01","isOffDay":true}]}""";
        http.put().uri("/api/v1/calendar/years/2031").headers(h -> h.setBearerAuth(TestTokens.ops("ops-1")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(schedule)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.violations.length()").isEqualTo(2);
        http.put().uri("/api/v1/calendar/years/2032").headers(h -> h.setBearerAuth(TestTokens.ops("ops-1")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"year\":2031,\"days\":[]}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.violations[0].field").isEqualTo("year");
        http.get().uri("/api/v1/calendar/years").exchange()
                .expectBody().jsonPath("$.years[?(@ == 2031)]").isEmpty();
    }

    @Test
    void bad_due_date_input_lists_every_problem_at_once() {
        http.get().uri("/api/v1/calendar/due-date?from=2025-02-30&workingDays=-1").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.violations.length()").isEqualTo(2)
                .jsonPath("$.violations[0].field").isEqualTo("from")
                .jsonPath("$.violations[1].field").isEqualTo("workingDays");
    }

    @Test
    void requests_under_a_service_area_are_routed_to_that_service() {
        http.get().uri("/api/v1/transfer/echo?x=1").headers(h -> h.setBearerAuth(TestTokens.clerk("c1", "620600"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo("/api/v1/transfer/echo?x=1");
        http.get().uri("/api-docs/transfer-service").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.info.title").isEqualTo("fake transfer");
    }

    @Test
    void health_shows_one_component_per_service_and_a_service_nobody_answers_for_is_down() {
        http.get().uri("/actuator/health").exchange()
                .expectBody()
                .jsonPath("$.components.services.components.transfer-service.status").isEqualTo("UP")
                .jsonPath("$.components.services.components.settlement-service.status").isEqualTo("DOWN")
                .jsonPath("$.components.services.components.enrollment-service").exists()
                .jsonPath("$.status").isEqualTo("DOWN");
    }

    @Test
    void a_services_public_operations_pass_the_gateway_without_a_token() {
        // the fake transfer-service does not know the path (404); the point is that the gateway let it through
        http.post().uri("/api/v1/transfer/certificates/verification").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/transfer/offices/620600/certificate").exchange().expectStatus().isNotFound();
        // anything else under the service still needs a token
        http.get().uri("/api/v1/transfer/certificates/x").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void log_lines_mask_personal_data(CapturedOutput output) {
        LoggerFactory.getLogger(GatewayTest.class).info("申请人 620102199001011234 手机 13812345678");
        assertThat(output.getOut()).contains("手机 138****5678").doesNotContain("620102199001011234");
    }

    @Test
    void the_swagger_ui_lists_the_gateway_and_every_service_document() {
        http.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls.length()").isEqualTo(8)
                .jsonPath("$.urls[?(@.url == '/api-docs/transfer-service')].name").isEqualTo("transfer-service 关系转移接续");
    }

    // ---- security and edge protection ----

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory circuitBreakers;

    @Test
    void a_routed_request_without_a_token_is_401_and_with_one_reaches_the_service_with_its_request_id() {
        http.get().uri("/api/v1/transfer/headers").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/v1/transfer/headers").header("X-Request-Id", "req-42")
                .headers(h -> h.setBearerAuth(TestTokens.clerk("c1", "620600"))).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "req-42")
                .expectBody().jsonPath("$.requestId").isEqualTo("req-42").jsonPath("$.bearer").isEqualTo(true);
    }

    @Test
    void ops_query_a_services_audit_trail_through_the_gateway() {
        http.get().uri("/api/v1/audit/transfer-service?staff=gh-001").headers(h -> h.setBearerAuth(TestTokens.ops("ops-1")))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.query").isEqualTo("/audit-trail?staff=gh-001");
    }

    @Test
    void loading_a_year_is_for_ops_only() {
        http.put().uri("/api/v1/calendar/years/2033").headers(h -> h.setBearerAuth(TestTokens.clerk("c1", "620600")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"year\":2033,\"days\":[]}")
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:jingban:problem:forbidden");
        http.put().uri("/api/v1/calendar/years/2033")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"year\":2033,\"days\":[]}")
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void the_dev_token_issuer_does_not_exist_outside_the_local_profile() {
        http.post().uri("/dev/tokens").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"role\":\"CLERK\"}")
                .exchange().expectStatus().isNotFound();
        http.get().uri("/dev/jwks").exchange().expectStatus().isNotFound();
    }

    @Test
    void each_client_has_its_own_bucket_on_a_route_and_beyond_it_gets_429_with_retry_after() {
        String portal = TestTokens.system("portal-web", "cases:read");
        String miniProgram = TestTokens.system("wechat-mini", "cases:read");
        for (int i = 0; i < 3; i++) {
            http.get().uri("/api/v1/transfer/limited/a").headers(h -> h.setBearerAuth(portal)).exchange()
                    .expectStatus().isOk();
        }
        http.get().uri("/api/v1/transfer/limited/b").headers(h -> h.setBearerAuth(portal)).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:jingban:problem:too-many-requests");
        // another client on the same route, and the same client on another route, are not affected
        http.get().uri("/api/v1/transfer/limited/a").headers(h -> h.setBearerAuth(miniProgram)).exchange()
                .expectStatus().isOk();
        http.get().uri("/api/v1/transfer/headers").headers(h -> h.setBearerAuth(portal)).exchange()
                .expectStatus().isOk();
    }

    @Test
    void a_stopped_service_gives_a_503_problem_and_then_its_breaker_opens() {
        String clerk = TestTokens.clerk("c1", "620600");
        for (int i = 0; i < 6; i++) {
            http.get().uri("/api/v1/settlement/batches").headers(h -> h.setBearerAuth(clerk)).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("urn:jingban:problem:service-unavailable")
                    .jsonPath("$.service").isEqualTo("settlement-service");
        }
        assertThat(circuitBreakers.getCircuitBreakerRegistry().circuitBreaker("settlement-service").getState())
                .isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN);
    }

    @Test
    void an_oversized_body_is_refused_with_413() {
        http.post().uri("/api/v1/transfer/echo").headers(h -> h.setBearerAuth(TestTokens.clerk("c1", "620600")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("\"" + "x".repeat(70 * 1024) + "\"")
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("urn:jingban:problem:payload-too-large");
    }

    @Test
    void cors_admits_the_configured_portal_origin_only() {
        http.options().uri("/api/v1/transfer/echo")
                .header("Origin", "https://zwfw.example.gov.cn")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://zwfw.example.gov.cn");
        http.options().uri("/api/v1/transfer/echo")
                .header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "POST")
                .exchange()
                .expectStatus().isForbidden();
    }

    /** The gateway's own operations, from its own API document (platform/security's matrix). */
    @TestFactory
    Stream<DynamicNode> authorization_matrix() {
        // loading the documented example year (2099) would make every later year of this JVM's calendar "unpublished":
        // the calendar tests here load years themselves
        return AuthorizationMatrix.tests(http, MatrixFixtures.builder()
                .notCalledAsDocumented("PUT /api/v1/calendar/years/{year}").build());
    }

    @Test
    void responses_carry_security_headers() {
        http.get().uri("/api/v1/catalog/items").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().exists("Cache-Control");
    }
}
