package org.jingban.platform.calendar.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jingban.platform.calendar.ScheduleDay;
import org.jingban.platform.calendar.WorkingDayCalendar;
import org.jingban.platform.calendar.YearSchedule;
import org.jingban.platform.test.JingbanInfrastructure;
import org.junit.jupiter.api.Test;

/** Against the test JVM's embedded KRaft broker. */
class CalendarScheduleDistributionTest {

    private final String bootstrap = JingbanInfrastructure.get().bootstrapServers();

    @Test
    void a_published_2027_schedule_reaches_running_services_and_services_started_later() throws Exception {
        // given a running service's calendar, subscribed
        WorkingDayCalendar running = WorkingDayCalendar.bundled();
        try (CalendarScheduleSubscriber subscriber = new CalendarScheduleSubscriber(bootstrap, running);
             CalendarSchedulePublisher publisher = new CalendarSchedulePublisher(bootstrap)) {
            subscriber.start();
            assertThat(running.years()).doesNotContain(2027);

            // when ops publishes 2027 (元旦 Fri 2027-01-01 off), then a record that is not a schedule
            publisher.publish(new YearSchedule(2027, List.of(new ScheduleDay(LocalDate.of(2027, 1, 1), "元旦", true))));
            sendRaw("2028", "not a schedule");

            // then the running service picks 2027 up without a restart: Thu 2026-12-31 + 1 → Mon 2027-01-04
            await().atMost(Duration.ofSeconds(20)).until(() -> running.years().contains(2027));
            assertThat(running.addWorkingDays(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 4));

            // when ops corrects 2027 (Mon 01-04 off too)
            publisher.publish(new YearSchedule(2027, List.of(
                    new ScheduleDay(LocalDate.of(2027, 1, 1), "元旦", true),
                    new ScheduleDay(LocalDate.of(2027, 1, 4), "元旦", true))));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !running.isWorkingDay(LocalDate.of(2027, 1, 4)));
        }

        // then a service started afterwards has the latest 2027 as soon as its subscriber has started,
        // the bad record skipped
        WorkingDayCalendar later = WorkingDayCalendar.bundled();
        try (CalendarScheduleSubscriber subscriber = new CalendarScheduleSubscriber(bootstrap, later)) {
            subscriber.start();
            assertThat(later.years()).contains(2027).doesNotContain(2028);
            assertThat(later.addWorkingDays(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 5));
        }
    }

    private void sendRaw(String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(CalendarScheduleTopic.NAME, key, value)).get();
        }
    }
}
