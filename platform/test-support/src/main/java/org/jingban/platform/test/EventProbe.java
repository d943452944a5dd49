package org.jingban.platform.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Watches one topic for a test: a consumer of its own (no group, partitions assigned directly) that
 * starts either at the current end of the topic or at its beginning, and keeps every event it saw.
 * Not thread-safe: use a probe from the test thread only. Close it when done.
 */
public final class EventProbe implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<CloudEventRecord> seen = new ArrayList<>();

    EventProbe(String bootstrapServers, String topic, boolean fromBeginning) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "jingban-probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "true",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = partitionsOf(topic);
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        // position() resolves the lazy seek now, so "from the end" means the end at creation, not at first poll.
        partitions.forEach(consumer::position);
    }

    /**
     * A probe on any broker (e.g. a Testcontainers Kafka), reading what is published from now on;
     * {@link JingbanInfrastructure#probe} is the usual way on the embedded broker.
     */
    public static EventProbe on(String bootstrapServers, String topic) {
        return new EventProbe(bootstrapServers, topic, false);
    }

    /** Asking for the partitions of a missing topic creates it (auto.create.topics.enable on the broker). */
    private List<TopicPartition> partitionsOf(String topic) {
        try {
            return Awaitility.await("partitions of " + topic).atMost(Duration.ofSeconds(60)).pollInterval(POLL)
                    .ignoreExceptions()
                    .until(() -> {
                        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                        return infos == null ? List.<TopicPartition>of()
                                : infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
                    }, list -> !list.isEmpty());
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    public String topic() {
        return topic;
    }

    /** Waits until an event matching {@code condition} has been seen (earlier ones count too) and returns the first. */
    public CloudEventRecord awaitEvent(Predicate<CloudEventRecord> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<CloudEventRecord> found = seen.stream().filter(condition).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new ConditionTimeoutException("No matching event on " + topic + " within " + timeout
                        + "; seen types: " + seen.stream().map(CloudEventRecord::type).toList());
            }
            pollOnce();
        }
    }

    /** Waits for an event of the given CloudEvents type. */
    public CloudEventRecord awaitEvent(String type, Duration timeout) {
        return awaitEvent(e -> type.equals(e.type()), timeout);
    }

    /** Waits until at least {@code count} events match, and returns all that match. */
    public List<CloudEventRecord> awaitEvents(Predicate<CloudEventRecord> condition, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<CloudEventRecord> matching = seen.stream().filter(condition).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (System.nanoTime() > deadline) {
                throw new ConditionTimeoutException("Expected " + count + " matching events on " + topic + " within "
                        + timeout + " but saw " + matching.size());
            }
            pollOnce();
        }
    }

    /** The events of this type seen so far (after one short poll for anything already waiting). */
    public List<CloudEventRecord> eventsOfType(String type) {
        pollOnce();
        return seen.stream().filter(e -> type.equals(e.type())).toList();
    }

    /** Every event seen so far, in the order read. */
    public List<CloudEventRecord> events() {
        pollOnce();
        return List.copyOf(seen);
    }

    private void pollOnce() {
        consumer.poll(POLL).forEach(r -> seen.add(CloudEventRecord.from(r)));
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(1));
    }
}
