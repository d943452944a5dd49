package org.jingban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * One trace from the gateway to the consumer of the event a request caused: a caller's W3C {@code traceparent} at the
 * gateway is continued by enrollment-service, stored with the outbox event, published with it (the {@code traceparent}
 * header and CloudEvents extension) and continued by notification-service's listener — its log line for the record
 * carries the trace id (the services' text logs show {@code [traceId,spanId]}).
 */
class TraceThroughGatewayAndKafkaTest extends E2eTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void a_trace_id_set_at_the_gateway_appears_in_the_log_of_the_consumer_of_the_resulting_event() throws Exception {
        String traceId = hex(16);
        String traceparent = "00-" + traceId + "-" + hex(8) + "-01";

        // given a registration sent through the gateway with the caller's trace context
        String id = newIdNumber(1992);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("姓名", "链路");
        form.put("证件类型及号码", idDoc(id));
        form.put("出生日期", "1992-" + id.substring(10, 12) + "-" + id.substring(12, 14));
        form.put("联系电话", "13709351234");
        form.put("户籍地址", "甘肃省武威市凉州区");
        form.put("申请人身份", "无业成年人");
        form.put("参保地区", WUWEI);
        form.put("申请材料", List.of("有效身份证件", "《城乡居民基本医疗保险参保登记表》"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/enrollment/residents"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + api.person(id))
                .header("Content-Type", "application/json")
                .header("traceparent", traceparent)
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(form), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);

        // then the service that handled it logged within the trace, and so did the consumer of its event
        Awaitility.await("trace " + traceId + " in enrollment-service's log").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).until(() -> linesWith(stack.enrollment, traceId).size() > 0);
        Awaitility.await("trace " + traceId + " in notification-service's log").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> linesWith(stack.notification, traceId).stream().anyMatch(line -> line.contains("收到事件")));

        // and no line of either log shows the applicant's 证件号码 in clear
        assertThat(Files.readString(stack.enrollment.log(), StandardCharsets.UTF_8)).doesNotContain(id);
        assertThat(Files.readString(stack.notification.log(), StandardCharsets.UTF_8)).doesNotContain(id);
    }

    private static List<String> linesWith(ServiceJvm jvm, String traceId) throws IOException {
        return Files.readAllLines(jvm.log(), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("[" + traceId + ",")).toList();
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
