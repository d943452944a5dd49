package org.jingban.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jingban.platform.test.CloudEventRecord;
import org.jingban.platform.test.EventProbe;
import org.jingban.platform.test.JingbanInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MessagingTest
class DeadLetterTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DLT = MessagingTestApplication.POISON_TOPIC + ".dlt";

    @Autowired
    MessagingTestApplication.PoisonListener listener;

    @Autowired
    MeterRegistry meters;

    @Test
    void an_event_that_keeps_failing_goes_to_the_dead_letter_topic_after_three_attempts() throws Exception {
        try (EventProbe dlt = JingbanInfrastructure.get().probe(DLT);
             KafkaProducer<String, String> producer = producer()) {
            double before = deadLetters();
            int attemptsBefore = listener.attempts.get();

            // given an event whose handling always fails, followed by a good one
            String poison = UUID.randomUUID().toString();
            String good = UUID.randomUUID().toString();
            InboxApplierTest.send(producer, MessagingTestApplication.POISON_TOPIC, "k-1", poison, "jingban.test.explode.v1", "{}");
            InboxApplierTest.send(producer, MessagingTestApplication.POISON_TOPIC, "k-1", good, "jingban.test.fine.v1", "{}");

            // then it lands in <topic>.dlt with its CloudEvents attributes and the reason
            CloudEventRecord dead = dlt.awaitEvent(e -> poison.equals(e.id()), WAIT);
            assertThat(dead.type()).isEqualTo("jingban.test.explode.v1");
            assertThat(dead.key()).isEqualTo("k-1");
            assertThat(dead.header("kafka_dlt-exception-message")).contains("处理失败（测试）");
            // after 3 attempts (1 + 2 retries), counted once, and the partition moves on to the good event
            assertThat(listener.attempts.get() - attemptsBefore).isEqualTo(3);
            await().atMost(WAIT).until(() -> listener.handled.contains(good));
            assertThat(deadLetters() - before).isEqualTo(1.0);
        }
    }

    @Test
    void a_record_that_is_not_a_cloud_event_goes_to_the_dead_letter_topic_without_retries() throws Exception {
        try (EventProbe dlt = JingbanInfrastructure.get().probe(DLT);
             KafkaProducer<String, String> producer = producer()) {
            String marker = UUID.randomUUID().toString();
            producer.send(new ProducerRecord<>(MessagingTestApplication.POISON_TOPIC, "k-2", marker)).get();

            CloudEventRecord dead = dlt.awaitEvent(e -> marker.equals(e.dataJson()), WAIT);
            assertThat(dead.header("kafka_dlt-exception-fqcn")).contains("ListenerExecutionFailedException");
            assertThat(dead.header("kafka_dlt-exception-cause-fqcn")).isEqualTo(NotACloudEventException.class.getName());
        }
    }

    private double deadLetters() {
        Counter counter = meters.find("jingban.events.dead.letters").tag("topic", MessagingTestApplication.POISON_TOPIC).counter();
        return counter == null ? 0 : counter.count();
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, JingbanInfrastructure.get().bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }
}
