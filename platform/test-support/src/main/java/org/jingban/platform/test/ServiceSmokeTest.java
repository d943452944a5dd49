package org.jingban.platform.test;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every service promises ops, checked against the real embedded broker and store: it starts, its
 * health (with the liveness and readiness groups and the MongoDB ping) is UP, it exposes Prometheus
 * metrics tagged with its name, and it serves its OpenAPI document with its Chinese title.
 * A service's test is one line: {@code class EnrollmentServiceSmokeTest extends ServiceSmokeTest {}}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithJingbanInfrastructure
public abstract class ServiceSmokeTest {

    @Autowired
    protected WebTestClient http;

    @Value("${spring.application.name}")
    protected String applicationName;

    @Value("${jingban.service.title}")
    protected String title;

    @Test
    void health_and_its_probe_groups_are_up_with_the_store() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP");
        http.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void prometheus_metrics_carry_the_application_name() {
        http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> {
                    if (!body.contains("application=\"" + applicationName + "\"")) {
                        throw new AssertionError("no metric tagged application=\"" + applicationName + "\"");
                    }
                    if (!body.contains("jingban_outbox_pending")) {
                        throw new AssertionError("the outbox relay's lag metric is missing");
                    }
                });
    }

    @Test
    void the_openapi_document_names_the_service() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openapi").value(version -> {
                    if (!String.valueOf(version).startsWith("3.")) {
                        throw new AssertionError("not an OpenAPI 3 document: " + version);
                    }
                })
                .jsonPath("$.info.title").isEqualTo(title);
    }
}
