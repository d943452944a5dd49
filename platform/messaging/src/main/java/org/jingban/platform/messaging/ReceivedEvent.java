package org.jingban.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An event read from Kafka (a CloudEvent in binary mode), as a consumer sees it.
 *
 * @param source the publishing service, e.g. {@code /jingban/transfer}
 * @param regionCode the CloudEvents extension {@code regioncode}, or null
 */
public record ReceivedEvent(String id, String source, String type, String subject, String regionCode,
                            Instant time, String dataJson) {

    /**
     * One line per record a consumer takes (within the listener's span, so with its trace id): which event, from where.
     * Quieten it with {@code logging.level.org.jingban.platform.messaging.received=WARN}.
     */
    private static final Logger received = LoggerFactory.getLogger("org.jingban.platform.messaging.received");

    /**
     * Reads the {@code ce_*} headers and the value (String or byte[]) of a record.
     *
     * @throws NotACloudEventException if the id or type is missing: such a record can never be handled
     */
    public static ReceivedEvent from(ConsumerRecord<?, ?> record) {
        Headers headers = record.headers();
        String id = header(headers, CloudEventHeaders.ID);
        String type = header(headers, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new NotACloudEventException("记录不是 CloudEvent（缺少 ce_id 或 ce_type）: " + record.topic()
                    + "-" + record.partition() + "@" + record.offset());
        }
        if (received.isInfoEnabled()) {
            received.info("收到事件 {} id={} subject={} ({}-{}@{})", type, id, header(headers, CloudEventHeaders.SUBJECT),
                    record.topic(), record.partition(), record.offset());
        }
        String time = header(headers, CloudEventHeaders.TIME);
        return new ReceivedEvent(id, header(headers, CloudEventHeaders.SOURCE), type,
                header(headers, CloudEventHeaders.SUBJECT), header(headers, CloudEventHeaders.REGION_CODE),
                time == null ? null : OffsetDateTime.parse(time).toInstant(), text(record.value()));
    }

    /** The data read into {@code type} with Jackson 3. */
    public <T> T data(Class<T> type) {
        return EventJson.read(dataJson, type);
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value.toString();
    }
}
