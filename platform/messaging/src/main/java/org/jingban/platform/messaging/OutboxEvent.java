package org.jingban.platform.messaging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * An event waiting in an aggregate's outbox (发件箱), already in the shape it is published in:
 * the CloudEvents attributes plus the JSON data.
 *
 * @param id the CloudEvents id, unique per event; consumers deduplicate by it
 * @param type a versioned type such as {@code jingban.transfer.info-sheet.issued.v1}
 * @param subject what the event is about, usually the aggregate id
 * @param regionCode the 6-digit 医保区划 of the handling office (CloudEvents extension {@code regioncode}), may be null
 * @param time when it happened
 * @param dataJson the event data as JSON
 * @param traceparent the W3C trace context of the request or event that caused it ({@code 00-<trace>-<span>-<flags>}),
 *        stamped when the aggregate is saved (OutboxTraceStamper) and published as the Kafka header {@code traceparent}
 *        and the CloudEvents extension {@code traceparent}; null when there was no trace
 */
public record OutboxEvent(String id, String type, String subject, String regionCode, Instant time, String dataJson,
                          String traceparent) {

    /** An event without trace context (stamped later, when its aggregate is saved within a trace). */
    public OutboxEvent(String id, String type, String subject, String regionCode, Instant time, String dataJson) {
        this(id, type, subject, regionCode, time, dataJson, null);
    }

    public OutboxEvent {
        require(id, "id");
        require(type, "type");
        require(subject, "subject");
        if (time == null) {
            throw new IllegalArgumentException("time must not be null");
        }
        if (dataJson == null) {
            dataJson = "{}";
        }
    }

    /** A new event with a random id and the current time; {@code data} is serialised with Jackson 3. */
    public static OutboxEvent of(String type, String subject, String regionCode, Object data) {
        // Millisecond precision: what BSON dates keep, so the stored event equals the one built here.
        return new OutboxEvent(UUID.randomUUID().toString(), type, subject, regionCode,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), EventJson.write(data));
    }

    /** This event with the given trace context. */
    public OutboxEvent withTraceparent(String traceparent) {
        return new OutboxEvent(id, type, subject, regionCode, time, dataJson, traceparent);
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
