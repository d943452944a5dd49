package org.jingban.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerRestartTest {

    @TempDir
    Path logDir;

    @Test
    void a_record_produced_before_a_restart_is_still_there_after_it() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir, 0, 0)) {
            // given a record acknowledged by the broker
            String bootstrap = broker.bootstrapServers();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("jingban.test.restart", "case-1", "受理")).get();
            }

            // when the broker restarts
            broker.restart();

            // then it is on the same address and the record can be read back
            assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
            assertThat(logDir.resolve("meta.properties")).exists();
            List<ConsumerRecord<String, String>> read = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "restart-test",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("jingban.test.restart"));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (read.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(500)).forEach(read::add);
                }
            }
            assertThat(read).hasSize(1);
            assertThat(read.get(0).key()).isEqualTo("case-1");
            assertThat(read.get(0).value()).isEqualTo("受理");
        }
    }

    @Test
    void topics_created_on_first_use_get_the_partitions_asked_for_and_a_key_stays_on_one() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir.resolve("partitioned"), 0, 0, 3);
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                     ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            // events of six aggregates, three each, keyed by aggregate as the outbox relay keys them
            List<org.apache.kafka.clients.producer.RecordMetadata> sent = new ArrayList<>();
            for (int step = 0; step < 3; step++) {
                for (int aggregate = 0; aggregate < 6; aggregate++) {
                    sent.add(producer.send(new ProducerRecord<>("jingban.test.partitioned", "case-" + aggregate,
                            "step " + step)).get());
                }
            }
            // the topic has three partitions; every event of one aggregate is on one of them
            assertThat(producer.partitionsFor("jingban.test.partitioned")).hasSize(3);
            for (int aggregate = 0; aggregate < 6; aggregate++) {
                int a = aggregate;
                assertThat(java.util.stream.IntStream.range(0, sent.size()).filter(i -> i % 6 == a)
                        .mapToObj(i -> sent.get(i).partition()).distinct().count()).isEqualTo(1);
            }
        }
    }
}
