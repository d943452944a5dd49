package org.jingban.platform.web.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON log line (Boot's ECS format, as logback-json.xml writes it) masks personal data and keeps the trace ids. */
class MaskingJsonMembersCustomizerTest {

    @Test
    void a_json_log_line_masks_id_numbers_mobiles_and_accounts_and_keeps_the_trace_ids() {
        LoggerContext context = new LoggerContext();
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "enrollment-service")
                .withProperty("logging.structured.json.customizer", MaskingJsonMembersCustomizer.class.getName());
        context.putObject(Environment.class.getName(), environment);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat("ecs");
        encoder.start();

        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        LoggingEvent event = new LoggingEvent("test", context.getLogger("jingban.test"), Level.INFO,
                "参保登记 证件号码 {} 手机 {} 账号 {}",
                new IllegalStateException("lookup of 620602199001011237 failed"),
                new Object[] {"620602199001011237", "13709351234", "6222021234567890128"});
        event.setMDCPropertyMap(Map.of("traceId", traceId, "spanId", "00f067aa0ba902b7"));

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        JsonNode json = JsonMapper.builder().build().readTree(line);

        assertThat(line).doesNotContain("620602199001011237", "13709351234", "6222021234567890128");
        assertThat(json.get("message").asString())
                .isEqualTo("参保登记 证件号码 620***********1237 手机 137****1234 账号 6222***********0128");
        assertThat(json.get("error").get("stack_trace").asString()).doesNotContain("620602199001011237");
        assertThat(json.get("traceId").asString()).isEqualTo(traceId);
        assertThat(json.get("spanId").asString()).isEqualTo("00f067aa0ba902b7");
        assertThat(json.get("service").get("name").asString()).isEqualTo("enrollment-service");
    }
}
