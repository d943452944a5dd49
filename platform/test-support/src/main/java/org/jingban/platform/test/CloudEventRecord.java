package org.jingban.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A Kafka record read by a test, seen as a CloudEvent in binary mode ({@code ce_*} headers).
 * Kept independent of the messaging module so that any test can read any topic.
 *
 * @param headers every header as UTF-8 text, including the {@code ce_*} ones
 */
public record CloudEventRecord(String topic, int partition, long offset, String key,
                               String id, String source, String type, String subject, String regionCode,
                               Instant time, String dataContentType, String dataJson,
                               Map<String, String> headers) {

    static CloudEventRecord from(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        String time = headers.get("ce_time");
        return new CloudEventRecord(record.topic(), record.partition(), record.offset(), record.key(),
                headers.get("ce_id"), headers.get("ce_source"), headers.get("ce_type"), headers.get("ce_subject"),
                headers.get("ce_regioncode"), time == null ? null : Instant.parse(time),
                headers.get("content-type"), record.value(), Map.copyOf(nullFree(headers)));
    }

    private static Map<String, String> nullFree(Map<String, String> headers) {
        headers.values().removeIf(java.util.Objects::isNull);
        return headers;
    }

    /** Reads the JSON payload into {@code type} with Jackson 3 (needs tools.jackson on the test classpath). */
    public <T> T data(Class<T> type) {
        return JsonHolder.MAPPER.readValue(dataJson, type);
    }

    /** A header by name, or null. */
    public String header(String name) {
        return headers.get(name);
    }

    /** Loaded on first use only, so tests that never read data need no Jackson. */
    private static final class JsonHolder {
        static final tools.jackson.databind.json.JsonMapper MAPPER = tools.jackson.databind.json.JsonMapper.builder()
                .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
