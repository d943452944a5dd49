package org.jingban.platform.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jingban.platform.service.ReadModelReadiness.ReadModel;
import org.jingban.platform.test.JingbanInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Not ready until a read model's consumer group has the events that existed at start; then ready for good. */
class ReadModelReadinessTest {

    private final String servers = JingbanInfrastructure.get().bootstrapServers();

    private Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", servers));
    }

    @Test
    void out_of_service_while_the_group_is_behind_the_events_at_start_then_up_and_stays_up() throws Exception {
        String topic = "readiness-test-" + UUID.randomUUID();
        String group = "readiness-test-group-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        send(topic, 5);
        ReadModelReadiness readiness = new ReadModelReadiness(() -> List.of(new ReadModel(group, List.of(topic))),
                this::admin, Duration.ZERO);

        // five events at start, none consumed
        Health before = readiness.check();
        assertThat(before.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(before.getDetails()).containsEntry("eventsBehind", 5L);
        assertThat(before.getDetails().get("byConsumerGroup")).isEqualTo(Map.of(group, 5L));

        // the group commits three: still behind; events published since start do not move the target
        commit(group, topic, 3);
        send(topic, 10);
        assertThat(readiness.check().getDetails()).containsEntry("eventsBehind", 2L);

        // it reaches the five of the start: ready, although ten newer events wait
        commit(group, topic, 5);
        assertThat(readiness.check().getStatus()).isEqualTo(Status.UP);
        assertThat(readiness.caughtUp()).isTrue();

        // and it stays ready while a lag builds later
        send(topic, 3);
        assertThat(readiness.health().block().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void a_read_model_of_a_topic_not_created_yet_or_no_read_model_at_all_is_ready_at_once() {
        ReadModelReadiness missingTopic = new ReadModelReadiness(() -> List.of(new ReadModel("g-" + UUID.randomUUID(),
                List.of("readiness-test-absent-" + UUID.randomUUID()))), this::admin, Duration.ZERO);
        assertThat(missingTopic.check().getStatus()).isEqualTo(Status.UP);

        ReadModelReadiness none = new ReadModelReadiness(List::of, () -> {
            throw new AssertionError("no read model: Kafka is not asked");
        }, Duration.ZERO);
        assertThat(none.check().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void a_backlog_longer_than_the_longest_wait_does_not_keep_the_service_out_of_service() throws Exception {
        String topic = "readiness-test-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        send(topic, 2);
        ReadModelReadiness readiness = new ReadModelReadiness(() -> List.of(new ReadModel("g-" + UUID.randomUUID(),
                List.of(topic))), this::admin, Duration.ofMillis(1));
        Thread.sleep(10);
        Health health = readiness.check();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("eventsBehind", 2L);
    }

    @Test
    void read_models_that_cannot_be_listed_leave_the_service_out_of_service_with_the_reason() {
        ReadModelReadiness broken = new ReadModelReadiness(() -> {
            throw new IllegalStateException("no containers");
        }, this::admin, Duration.ZERO);
        Health health = broken.check();
        assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.getDetails()).containsEntry("error", "IllegalStateException");
        assertThat(broken.caughtUp()).isFalse();
    }

    private void send(String topic, int count) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", servers);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "k", "e" + i)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private void commit(String group, String topic, long offset) throws Exception {
        try (Admin admin = admin()) {
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(offset)))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }
}
