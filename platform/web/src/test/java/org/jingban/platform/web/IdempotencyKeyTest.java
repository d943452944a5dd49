package org.jingban.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jingban.platform.web.testapp.Invocations;
import org.jingban.platform.web.testapp.TestController;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

class IdempotencyKeyTest extends WebIntegrationTest {

    @Autowired
    Invocations invocations;

    @Autowired
    org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

    @Autowired
    org.jingban.platform.web.idempotency.IdempotencyStore store;

    @Test
    void keys_expire_after_24_hours_through_a_ttl_index() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(mongo.indexOps("idempotency_keys").getIndexInfo().collectList().block())
                        .anySatisfy(index -> {
                            assertThat(index.getName()).isEqualTo("idempotency_ttl");
                            assertThat(index.getExpireAfter()).contains(java.time.Duration.ofHours(24));
                        }));
    }

    @Test
    void keys_older_than_the_ttl_are_deleted_by_the_service_where_the_store_does_not_expire_them() {
        // given a record taken 25 hours ago and one taken an hour ago (the store keeps the TTL index, never expires)
        java.time.Instant now = java.time.Instant.now();
        mongo.insert(new org.bson.Document("_id", "expiry-old").append("createdAt",
                java.util.Date.from(now.minus(java.time.Duration.ofHours(25)))), "idempotency_keys").block();
        mongo.insert(new org.bson.Document("_id", "expiry-fresh").append("createdAt",
                java.util.Date.from(now.minus(java.time.Duration.ofHours(1)))), "idempotency_keys").block();

        // when the expiry runs
        Long deleted = store.expire(now).block();

        // then only the old one is gone
        assertThat(deleted).isGreaterThanOrEqualTo(1L);
        assertThat(mongo.findById("expiry-old", org.bson.Document.class, "idempotency_keys").block()).isNull();
        assertThat(mongo.findById("expiry-fresh", org.bson.Document.class, "idempotency_keys").block()).isNotNull();
    }

    @Test
    void a_retry_with_the_same_key_gets_the_first_answer_and_the_payment_runs_once() {
        Map<String, Object> payment = Map.of("ref", "replay", "amountFen", 12_000);

        EntityExchangeResult<byte[]> first = post("/payments", "key-replay", payment)
                .expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotency-Replayed")
                .expectBody().returnResult();
        EntityExchangeResult<byte[]> retry = post("/payments", "key-replay", payment)
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotency-Replayed", "true")
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().returnResult();

        assertThat(retry.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(new String(retry.getResponseBody())).contains("\"amountFen\":12000");
        assertThat(retry.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(invocations.count("replay")).isEqualTo(1);
    }

    @Test
    void a_retried_upload_is_replayed_although_the_client_chose_a_new_multipart_boundary() {
        // given the same material sent twice; each send gets its own random boundary
        byte[] scan = "扫描件：身份证正反面".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        EntityExchangeResult<byte[]> first = upload("key-upload", "upload", scan)
                .expectStatus().isCreated()
                .expectBody().returnResult();
        EntityExchangeResult<byte[]> retry = upload("key-upload", "upload", scan)
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotency-Replayed", "true")
                .expectBody().returnResult();

        // then the handler read the parts once, and the retry got the same answer (30 bytes: 10 chars × 3)
        assertThat(new String(first.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"bytes\":30", "\"filename\":\"id-card.pdf\"");
        assertThat(retry.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(invocations.count("upload")).isEqualTo(1);
    }

    @Test
    void a_different_file_under_the_same_key_is_refused() {
        upload("key-upload-other", "upload-other", new byte[] {1, 2, 3}).expectStatus().isCreated();

        upload("key-upload-other", "upload-other", new byte[] {1, 2, 4})
                .expectStatus().isEqualTo(422);

        assertThat(invocations.count("upload-other")).isEqualTo(1);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec upload(
            String key, String ref, byte[] file) {
        org.springframework.http.client.MultipartBodyBuilder parts = new org.springframework.http.client.MultipartBodyBuilder();
        parts.part("ref", ref);
        parts.part("file", new org.springframework.core.io.ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "id-card.pdf";
            }
        });
        return web.post().uri("/materials").header("Idempotency-Key", key)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(parts.build()))
                .exchange();
    }

    @Test
    void a_key_left_in_progress_by_a_dead_instance_is_taken_over_after_five_minutes() throws Exception {
        // given a record in progress since 10 minutes ago, for exactly this caller, path, key and body
        String body = "{\"ref\":\"abandoned\",\"amountFen\":100}";
        String id = sha256Hex("anonymous\nPOST\n/payments\nkey-abandoned");
        mongo.insert(new org.bson.Document("_id", id)
                .append("requestHash", sha256Hex(body))
                .append("state", "IN_PROGRESS")
                .append("createdAt", java.util.Date.from(java.time.Instant.now().minusSeconds(600))),
                "idempotency_keys").block();

        // when the client retries
        web.post().uri("/payments").header("Idempotency-Key", "key-abandoned")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                // then it runs now, once
                .expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotency-Replayed");
        assertThat(invocations.count("abandoned")).isEqualTo(1);
    }

    private static String sha256Hex(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void without_a_key_every_post_runs() {
        Map<String, Object> payment = Map.of("ref", "no-key", "amountFen", 100);

        web.post().uri("/payments").bodyValue(payment).exchange().expectStatus().isCreated();
        web.post().uri("/payments").bodyValue(payment).exchange().expectStatus().isCreated();

        assertThat(invocations.count("no-key")).isEqualTo(2);
    }

    @Test
    void the_same_key_with_another_body_is_refused_with_422() {
        post("/payments", "key-reused", Map.of("ref", "reuse-first", "amountFen", 100))
                .expectStatus().isCreated();

        post("/payments", "key-reused", Map.of("ref", "reuse-second", "amountFen", 999))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:jingban:problem:idempotency-key-reused")
                .jsonPath("$.detail").isEqualTo("该 Idempotency-Key 已用于内容不同的请求；新的请求请使用新的 Idempotency-Key");

        assertThat(invocations.count("reuse-second")).isZero();
    }

    @Test
    void a_duplicate_arriving_while_the_first_is_running_gets_409_and_the_payment_runs_once() throws Exception {
        // given the first request is inside its handler, held there
        Map<String, Object> payment = Map.of("ref", "concurrent", "amountFen", 500);
        CountDownLatch started = TestController.STARTED.computeIfAbsent("concurrent", r -> new CountDownLatch(1));
        CountDownLatch release = TestController.RELEASE.computeIfAbsent("concurrent", r -> new CountDownLatch(1));
        CompletableFuture<HttpStatus> first = CompletableFuture.supplyAsync(() ->
                HttpStatus.valueOf(post("/slow-payments", "key-concurrent", payment)
                        .returnResult(byte[].class).getStatus().value()));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        // when the duplicate arrives
        post("/slow-payments", "key-concurrent", payment)
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:jingban:problem:request-in-progress")
                .jsonPath("$.title").isEqualTo("请求正在处理中");
        release.countDown();

        // then the first completes and the handler ran once; a later retry is a replay
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(HttpStatus.OK);
        post("/slow-payments", "key-concurrent", payment)
                .expectStatus().isOk()
                .expectHeader().valueEquals("Idempotency-Replayed", "true");
        assertThat(invocations.count("concurrent")).isEqualTo(1);
    }

    @Test
    void a_5xx_is_not_remembered_so_the_retry_runs_again() {
        Map<String, Object> payment = Map.of("ref", "unstable", "amountFen", 100);

        post("/unstable-payments", "key-unstable", payment).expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        post("/unstable-payments", "key-unstable", payment)
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectHeader().doesNotExist("Idempotency-Replayed");

        assertThat(invocations.count("unstable")).isEqualTo(2);
    }

    @Test
    void a_4xx_problem_is_remembered_and_replayed() {
        String invalid = "{\"name\": \"\", \"idNumber\": \"x\"}";

        web.post().uri("/forms").header("Idempotency-Key", "key-invalid-form")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(invalid)
                .exchange().expectStatus().isBadRequest();
        web.post().uri("/forms").header("Idempotency-Key", "key-invalid-form")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(invalid)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().valueEquals("Idempotency-Replayed", "true")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.violations[0].field").isEqualTo("name");
    }

    @Test
    void a_blank_or_overlong_key_is_a_400() {
        Map<String, Object> payment = Map.of("ref", "bad-key", "amountFen", 100);

        post("/payments", "", payment).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:jingban:problem:bad-request");
        post("/payments", "k".repeat(256), payment).expectStatus().isBadRequest();

        assertThat(invocations.count("bad-key")).isZero();
    }

    @Test
    void the_same_key_from_two_callers_is_two_requests() {
        Map<String, Object> payment = Map.of("ref", "two-callers", "amountFen", 100);

        web.post().uri("/payments").header("Idempotency-Key", "key-shared")
                .header(HttpHeaders.AUTHORIZATION, "Bearer token-of-zhang").bodyValue(payment)
                .exchange().expectStatus().isCreated();
        web.post().uri("/payments").header("Idempotency-Key", "key-shared")
                .header(HttpHeaders.AUTHORIZATION, "Bearer token-of-li").bodyValue(payment)
                .exchange().expectStatus().isCreated().expectHeader().doesNotExist("Idempotency-Replayed");

        assertThat(invocations.count("two-callers")).isEqualTo(2);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(
            String path, String key, Map<String, Object> body) {
        return web.post().uri(path).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
