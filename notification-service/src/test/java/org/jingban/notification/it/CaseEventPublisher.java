package org.jingban.notification.it;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jingban.platform.cases.Case;
import org.jingban.platform.messaging.EventTopics;
import org.jingban.platform.messaging.OutboxEvent;
import org.jingban.platform.test.JingbanInfrastructure;

/**
 * Publishes a case's outbox as the services' outbox relay does: binary CloudEvents on {@code jingban.<area>.events},
 * source {@code /jingban/<area>}, key = case id, extension {@code regioncode}.
 */
public final class CaseEventPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, JingbanInfrastructure.get().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new ByteArraySerializer());
    private final Set<String> sent = new HashSet<>();

    /** Sends the case's events not sent before. */
    public void publishNew(Case c, String service) {
        for (OutboxEvent event : c.getOutbox()) {
            if (sent.add(event.id())) {
                send(c.getId(), event, service);
            }
        }
    }

    /** Sends one event again, as a redelivery would (same id). */
    public void send(String key, OutboxEvent event, String service) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.id())
                .withSource(java.net.URI.create(EventTopics.sourceOf(service)))
                .withType(event.type())
                .withSubject(event.subject())
                .withTime(event.time().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(event.dataJson().getBytes(StandardCharsets.UTF_8));
        if (event.regionCode() != null) {
            builder.withExtension("regioncode", event.regionCode());
        }
        CloudEvent cloudEvent = builder.build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(EventTopics.topicOf(service), key)
                .writeBinary(cloudEvent);
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("publish failed", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
