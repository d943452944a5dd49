package org.jingban.platform.calendar.distribution;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jingban.platform.calendar.YearSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a year's 节假日安排 to every service: one record keyed by the year on the compacted topic
 * {@value CalendarScheduleTopic#NAME}; every {@link CalendarScheduleSubscriber} loads it without a restart,
 * and the topic keeps the latest record per year for services started later.
 *
 * <p>The producer and the topic are created on first use, so a service that never publishes opens no
 * producer connection. Thread-safe.
 */
public class CalendarSchedulePublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CalendarSchedulePublisher.class);

    private final String bootstrapServers;
    private final String topic;
    private final Duration timeout;
    private Producer<String, String> producer;

    public CalendarSchedulePublisher(String bootstrapServers) {
        this(bootstrapServers, CalendarScheduleTopic.NAME, Duration.ofSeconds(30));
    }

    public CalendarSchedulePublisher(String bootstrapServers, String topic, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.timeout = timeout;
    }

    /**
     * Validates (a {@link YearSchedule} is valid by construction; its JSON is re-read to be sure it round
     * trips), publishes, and returns once the broker has acknowledged it.
     */
    public void publish(YearSchedule schedule) {
        try {
            publishAsync(schedule).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(schedule.year() + "年节假日安排发布失败", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(schedule.year() + "年节假日安排发布超时", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(schedule.year() + "年节假日安排发布被中断", e);
        }
    }

    /** As {@link #publish} without waiting; completes when the broker has acknowledged the record. */
    public CompletableFuture<Void> publishAsync(YearSchedule schedule) {
        byte[] json = schedule.toJson();
        YearSchedule.fromJson(json); // throws InvalidScheduleException before anything is sent
        CompletableFuture<Void> result = new CompletableFuture<>();
        producer().send(new ProducerRecord<>(topic, String.valueOf(schedule.year()),
                new String(json, StandardCharsets.UTF_8)), (metadata, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        log.info("Published the {} holiday schedule ({} days) to {} at offset {}",
                                schedule.year(), schedule.days().size(), topic, metadata.offset());
                        result.complete(null);
                    }
                });
        return result;
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            CalendarScheduleTopic.ensureExists(bootstrapServers, topic, timeout.toMillis());
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.CLIENT_ID_CONFIG, "jingban-calendar-publisher",
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis()),
                    new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
