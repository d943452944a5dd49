package org.jingban.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jingban.platform.messaging.MessagingTestApplication.Tally;
import org.jingban.platform.test.JingbanInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

@MessagingTest
class InboxApplierTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    InboxApplier inbox;

    @Test
    void an_event_delivered_twice_is_applied_once() throws Exception {
        // given events A, A again (a redelivery: same ce_id), then B, for one application
        String applicationId = "app-" + UUID.randomUUID();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, applicationId, a);
            send(producer, applicationId, a);
            send(producer, applicationId, b);
        }

        // when the consumer has handled B (after both copies of A: same key, same partition, in order)
        String tallyId = "tally-" + applicationId;
        await().atMost(WAIT).until(() -> {
            Tally tally = mongo.findById(tallyId, Tally.class).block();
            return tally != null && tally.hasApplied(b);
        });

        // then the tally counts 2 distinct events, not 3 deliveries
        Tally tally = mongo.findById(tallyId, Tally.class).block();
        assertThat(tally.count).isEqualTo(2);
        assertThat(tally.getInbox()).containsExactly(a, b);
    }

    @Test
    void applying_the_same_event_directly_twice_changes_the_aggregate_once() {
        // given a tally at 0
        String id = "tally-" + UUID.randomUUID();
        mongo.save(new Tally(id)).block();
        ReceivedEvent event = new ReceivedEvent(UUID.randomUUID().toString(), "/jingban/test",
                "jingban.test.application.accepted.v1", id, "620602", java.time.Instant.now(), "{}");

        // when the same event is applied twice
        inbox.applyOnce(Tally.class, id, event, t -> { t.count++; return t; }).block();
        Tally second = inbox.applyOnce(Tally.class, id, event, t -> { t.count++; return t; }).block();

        // then it counted once, and the second call returned the aggregate unchanged
        assertThat(second.count).isEqualTo(1);
        assertThat(mongo.findById(id, Tally.class).block().count).isEqualTo(1);
    }

    @Test
    void the_inbox_keeps_the_last_500_event_ids() {
        Tally tally = new Tally("t");
        for (int i = 1; i <= 501; i++) {
            tally.markApplied("e" + i);
        }
        assertThat(tally.getInbox()).hasSize(500);
        assertThat(tally.hasApplied("e1")).isFalse();
        assertThat(tally.hasApplied("e2")).isTrue();
        assertThat(tally.hasApplied("e501")).isTrue();
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, JingbanInfrastructure.get().bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    static void send(KafkaProducer<String, String> producer, String topic, String key, String eventId, String type,
                     String json) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_source", "/jingban/test");
        header(record, "ce_type", type);
        header(record, "ce_subject", key);
        header(record, "ce_time", "2026-11-23T08:00:00+08:00");
        header(record, "ce_regioncode", "620602");
        header(record, "content-type", "application/json");
        producer.send(record).get();
    }

    private static void send(KafkaProducer<String, String> producer, String applicationId, String eventId) throws Exception {
        send(producer, MessagingTestApplication.INBOX_TOPIC, applicationId, eventId, "jingban.test.application.accepted.v1",
                "{\"applicationId\":\"" + applicationId + "\",\"step\":1}");
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
