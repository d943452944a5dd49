package org.jingban.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays another service's side of a contract in a test: publishes one CloudEvent (binary mode, the {@code ce_*}
 * headers the services write, data as JSON) on the shared embedded broker, and waits until the broker has it.
 */
public final class TestEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaProducer<String, String> producer;

    private TestEvents() {
    }

    /** Publishes {@code data} as event {@code type} from {@code source}, keyed and subject {@code key}. */
    public static synchronized void publish(String topic, String source, String type, String key, Object data) {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, JingbanInfrastructure.get().bootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, JSON.writeValueAsString(data));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", source);
        header(record, "ce_type", type);
        header(record, "ce_subject", key);
        header(record, "ce_time", OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).toString());
        producer.send(record);
        producer.flush();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
