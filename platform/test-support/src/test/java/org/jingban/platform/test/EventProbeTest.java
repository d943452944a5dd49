package org.jingban.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/** Plain JUnit, no Spring: the infrastructure starts on first use. */
class EventProbeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    record InfoSheet(String personName, String amount) {
    }

    @Test
    void a_probe_sees_a_cloud_event_published_after_it_was_opened() throws Exception {
        JingbanInfrastructure infrastructure = JingbanInfrastructure.get();
        try (EventProbe probe = infrastructure.probe("jingban.probe-test.events")) {
            // when a binary-mode CloudEvent is published
            send(infrastructure, "jingban.probe-test.events", "T-1", "jingban.transfer.info-sheet.issued.v1",
                    "{\"personName\":\"张三\",\"amount\":\"1234.50\"}");

            // then the probe reads it with every attribute
            CloudEventRecord event = probe.awaitEvent("jingban.transfer.info-sheet.issued.v1", WAIT);
            assertThat(event.key()).isEqualTo("T-1");
            assertThat(event.subject()).isEqualTo("T-1");
            assertThat(event.source()).isEqualTo("/jingban/transfer");
            assertThat(event.regionCode()).isEqualTo("620602");
            assertThat(event.time()).isEqualTo(Instant.parse("2026-11-23T01:02:03Z"));
            assertThat(event.dataContentType()).isEqualTo("application/json");
            assertThat(event.data(InfoSheet.class)).isEqualTo(new InfoSheet("张三", "1234.50"));
            assertThat(probe.eventsOfType("jingban.transfer.info-sheet.issued.v1")).hasSize(1);
        }
    }

    @Test
    void a_probe_from_the_current_end_ignores_older_events_and_one_from_the_beginning_sees_them() throws Exception {
        JingbanInfrastructure infrastructure = JingbanInfrastructure.get();
        String topic = "jingban.probe-history.events";
        send(infrastructure, topic, "A-1", "jingban.test.old.v1", "{}");

        try (EventProbe fromEnd = infrastructure.probe(topic);
             EventProbe fromBeginning = infrastructure.probeFromBeginning(topic)) {
            send(infrastructure, topic, "A-1", "jingban.test.new.v1", "{}");

            assertThat(fromBeginning.awaitEvents(e -> true, 2, WAIT))
                    .extracting(CloudEventRecord::type)
                    .containsExactly("jingban.test.old.v1", "jingban.test.new.v1");
            fromEnd.awaitEvent("jingban.test.new.v1", WAIT);
            assertThat(fromEnd.events()).extracting(CloudEventRecord::type).containsExactly("jingban.test.new.v1");
            assertThatThrownBy(() -> fromEnd.awaitEvent("jingban.test.old.v1", Duration.ofMillis(300)))
                    .isInstanceOf(ConditionTimeoutException.class);
        }
    }

    private static void send(JingbanInfrastructure infrastructure, String topic, String key, String type, String json)
            throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", java.util.UUID.randomUUID().toString());
            header(record, "ce_source", "/jingban/transfer");
            header(record, "ce_type", type);
            header(record, "ce_subject", key);
            header(record, "ce_time", "2026-11-23T01:02:03Z");
            header(record, "ce_regioncode", "620602");
            header(record, "content-type", "application/json");
            producer.send(record).get();
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
