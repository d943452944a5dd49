package org.jingban.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.jingban.platform.web.accesslog.AccessLogWebFilter;
import org.junit.jupiter.api.Test;

class RequestIdAndAccessLogTest extends WebIntegrationTest {

    @Test
    void the_callers_request_id_is_echoed_and_carried_in_the_problem() {
        web.get().uri("/fn/items/1").header("X-Request-Id", "req-20261123-0001").exchange()
                .expectHeader().valueEquals("X-Request-Id", "req-20261123-0001")
                .expectBody().jsonPath("$.requestId").isEqualTo("req-20261123-0001");
    }

    @Test
    void a_request_without_an_id_gets_a_uuid() {
        String id = web.get().uri("/fn/items/1").exchange()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void a_request_id_unfit_for_a_log_line_is_replaced() {
        String id = web.get().uri("/fn/items/1").header("X-Request-Id", "<script>alert(1)</script>").exchange()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

        assertThat(id).isNotEqualTo("<script>alert(1)</script>").hasSize(36);
    }

    @Test
    void the_access_log_line_masks_the_id_number_in_the_query() {
        // given
        ListAppender<ILoggingEvent> captured = ProblemDetailsTest.capture(AccessLogWebFilter.LOGGER);

        // when
        web.get().uri("/fn/items/7?idNumber=11010519491231002X&mobile=13812345678")
                .header("X-Request-Id", "req-access-log").exchange()
                .expectStatus().isNotFound();

        // then one line, with method, masked target, status, request id, and no raw personal data
        await().atMost(Duration.ofSeconds(5)).until(() -> !captured.list.isEmpty());
        ILoggingEvent line = captured.list.get(0);
        assertThat(line.getFormattedMessage())
                .startsWith("GET /fn/items/7?idNumber=")
                .contains(" 404 ", "requestId=req-access-log")
                .doesNotContain("11010519491231002X", "13812345678");
        assertThat(line.getMDCPropertyMap()).containsEntry("requestId", "req-access-log");
    }
}
