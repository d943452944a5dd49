package org.jingban.platform.calendar.autoconfigure;

import java.time.Duration;
import org.jingban.platform.calendar.WorkingDayCalendar;
import org.jingban.platform.calendar.distribution.CalendarSchedulePublisher;
import org.jingban.platform.calendar.distribution.CalendarScheduleSubscriber;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The {@link WorkingDayCalendar} bean (bundled 2020–2026), kept up to date from Kafka when the Kafka client
 * is on the classpath and {@code jingban.calendar.distribution.enabled} is not false.
 */
@AutoConfiguration
@EnableConfigurationProperties(CalendarDistributionProperties.class)
public class CalendarAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public WorkingDayCalendar workingDayCalendar() {
        return WorkingDayCalendar.bundled();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.kafka.clients.consumer.KafkaConsumer")
    @ConditionalOnProperty(prefix = "jingban.calendar.distribution", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    static class Distribution {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        CalendarSchedulePublisher calendarSchedulePublisher(Environment environment,
                                                            CalendarDistributionProperties properties) {
            return new CalendarSchedulePublisher(bootstrapServers(environment), properties.topic(),
                    Duration.ofSeconds(30));
        }

        @Bean(initMethod = "start", destroyMethod = "close")
        @ConditionalOnMissingBean
        CalendarScheduleSubscriber calendarScheduleSubscriber(WorkingDayCalendar calendar, Environment environment,
                                                              CalendarDistributionProperties properties) {
            return new CalendarScheduleSubscriber(bootstrapServers(environment), properties.topic(), calendar,
                    properties.startupTimeout());
        }

        /** {@code spring.kafka.bootstrap-servers}, as a comma-separated string or a YAML list. */
        private static String bootstrapServers(Environment environment) {
            return Binder.get(environment)
                    .bind("spring.kafka.bootstrap-servers", Bindable.listOf(String.class))
                    .map(list -> String.join(",", list))
                    .orElse("localhost:9092");
        }
    }
}
