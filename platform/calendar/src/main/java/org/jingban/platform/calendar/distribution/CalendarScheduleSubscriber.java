package org.jingban.platform.calendar.distribution;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jingban.platform.calendar.WorkingDayCalendar;
import org.jingban.platform.calendar.YearSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link WorkingDayCalendar} in step with the compacted topic {@value CalendarScheduleTopic#NAME}.
 *
 * <p>{@link #start()} reads the topic from the beginning and loads every schedule before it returns (so a
 * service is ready with every published year), waiting at most the start-up timeout: if the broker is not
 * reachable the service starts with what it has (the bundled years) and catches up later. A daemon thread
 * then keeps polling for new records. It uses {@code assign} + {@code seekToBeginning} and no consumer group:
 * every instance of every service must read every record, and nothing is committed. A record that is not
 * a valid schedule is logged and skipped. {@link #close()} stops the thread and the consumer.
 */
public class CalendarScheduleSubscriber implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CalendarScheduleSubscriber.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final String bootstrapServers;
    private final String topic;
    private final WorkingDayCalendar calendar;
    private final Duration startupTimeout;
    private volatile boolean closed;
    private KafkaConsumer<String, String> consumer;
    private Thread poller;

    public CalendarScheduleSubscriber(String bootstrapServers, WorkingDayCalendar calendar) {
        this(bootstrapServers, CalendarScheduleTopic.NAME, calendar, Duration.ofSeconds(10));
    }

    public CalendarScheduleSubscriber(String bootstrapServers, String topic, WorkingDayCalendar calendar,
                                      Duration startupTimeout) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.calendar = calendar;
        this.startupTimeout = startupTimeout;
    }

    public synchronized void start() {
        if (consumer != null || closed) {
            return;
        }
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        try {
            CalendarScheduleTopic.ensureExists(bootstrapServers, topic, startupTimeout.toMillis());
        } catch (RuntimeException e) {
            log.warn("Could not make sure the topic {} exists; will keep trying to read it: {}", topic, e.getMessage());
        }
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "jingban-calendar-subscriber",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        catchUp(partition, deadline);
        poller = new Thread(this::pollUntilClosed, "jingban-calendar-schedules");
        poller.setDaemon(true);
        poller.start(); // hands the consumer over to the poller thread (Thread.start is a happens-before edge)
    }

    /** Reads up to the end offset seen at start, so the service starts with every published year. */
    private void catchUp(TopicPartition partition, long deadline) {
        try {
            Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000));
            long end = consumer.endOffsets(List.of(partition), left).getOrDefault(partition, 0L);
            while (consumer.position(partition, left) < end && System.nanoTime() < deadline) {
                consumer.poll(POLL).forEach(this::apply);
                left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000));
            }
            if (consumer.position(partition, left) < end) {
                log.warn("Read the holiday schedules only partly within {}; catching up in the background", startupTimeout);
            }
        } catch (RuntimeException e) {
            log.warn("Could not read the holiday schedules from {} at start-up ({}); using the years already "
                    + "loaded {} and catching up in the background", topic, e.getMessage(), calendar.years());
        }
    }

    private void pollUntilClosed() {
        try {
            while (!closed) {
                try {
                    consumer.poll(POLL).forEach(this::apply);
                } catch (WakeupException e) {
                    // close() woke us up; the loop condition ends the thread
                } catch (RuntimeException e) {
                    log.warn("Polling {} failed, retrying: {}", topic, e.getMessage());
                    sleepQuietly(POLL);
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            log.warn("Ignored a tombstone for key {} at offset {}: a year's schedule is replaced, never removed",
                    record.key(), record.offset());
            return;
        }
        try {
            YearSchedule schedule = YearSchedule.fromJson(record.value().getBytes(StandardCharsets.UTF_8));
            if (record.key() != null && !record.key().equals(String.valueOf(schedule.year()))) {
                log.warn("Skipped the record at offset {}: key {} but a schedule for {}",
                        record.offset(), record.key(), schedule.year());
                return;
            }
            calendar.load(schedule);
            log.info("Loaded the {} holiday schedule ({} days) from {} offset {}",
                    schedule.year(), schedule.days().size(), topic, record.offset());
        } catch (RuntimeException e) {
            log.warn("Skipped a bad holiday schedule record (key {}, offset {}): {}",
                    record.key(), record.offset(), e.getMessage());
        }
    }

    @Override
    public void close() {
        Thread thread;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            thread = poller;
            if (consumer != null) {
                consumer.wakeup();
            }
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (consumer != null) {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
