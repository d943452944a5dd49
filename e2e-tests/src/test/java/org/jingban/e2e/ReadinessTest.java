package org.jingban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A service is ready (the readiness probe of deploy/k8s, the gateway's view) only once its read models have the events
 * that existed when it started: the {@code readModels} component of {@code /actuator/health/readiness}.
 */
class ReadinessTest extends E2eTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void every_service_reports_its_read_models_in_its_readiness_and_is_ready_once_they_caught_up() throws Exception {
        for (ServiceJvm service : List.of(stack.enrollment, stack.transfer, stack.offsiteFiling, stack.reimbursement,
                stack.designation, stack.settlement, stack.notification)) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode health = Api.JSON.readTree(r.body());
            assertThat(r.statusCode()).as(service.name()).isEqualTo(200);
            assertThat(health.path("components").path("readModels").path("status").asString()).as(service.name())
                    .isEqualTo("UP");
        }
    }
}
