package org.jingban.platform.calendar.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.jingban.platform.calendar.WorkingDayCalendar;
import org.jingban.platform.calendar.distribution.CalendarSchedulePublisher;
import org.jingban.platform.calendar.distribution.CalendarScheduleSubscriber;
import org.jingban.platform.test.JingbanInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CalendarAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CalendarAutoConfiguration.class));

    @Test
    void with_kafka_the_calendar_is_published_and_subscribed() {
        runner.withPropertyValues("spring.kafka.bootstrap-servers=" + JingbanInfrastructure.get().bootstrapServers())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(WorkingDayCalendar.class).years()).contains(2020, 2026);
                    assertThat(context).hasSingleBean(CalendarSchedulePublisher.class);
                    assertThat(context).hasSingleBean(CalendarScheduleSubscriber.class);
                });
    }

    @Test
    void distribution_can_be_switched_off_leaving_the_bundled_calendar() {
        runner.withPropertyValues("jingban.calendar.distribution.enabled=false").run(context -> {
            assertThat(context).hasSingleBean(WorkingDayCalendar.class);
            assertThat(context).doesNotHaveBean(CalendarScheduleSubscriber.class);
            assertThat(context).doesNotHaveBean(CalendarSchedulePublisher.class);
        });
    }

    @Test
    void without_the_kafka_client_only_the_bundled_calendar_is_there() {
        runner.withClassLoader(new FilteredClassLoader(KafkaConsumer.class)).run(context -> {
            assertThat(context).hasSingleBean(WorkingDayCalendar.class);
            assertThat(context).doesNotHaveBean(CalendarScheduleSubscriber.class);
        });
    }
}
