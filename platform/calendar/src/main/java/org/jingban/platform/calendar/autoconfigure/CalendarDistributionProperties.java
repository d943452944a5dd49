package org.jingban.platform.calendar.autoconfigure;

import java.time.Duration;
import org.jingban.platform.calendar.distribution.CalendarScheduleTopic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jingban.calendar.distribution.*}: sharing run-time 节假日安排 between services over Kafka.
 *
 * @param enabled        whether to publish/subscribe (default true; the bundled years are used either way)
 * @param topic          the compacted topic (default {@value CalendarScheduleTopic#NAME})
 * @param startupTimeout how long start-up waits to read the topic before going on with what it has
 */
@ConfigurationProperties("jingban.calendar.distribution")
public record CalendarDistributionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue(CalendarScheduleTopic.NAME) String topic,
        @DefaultValue("10s") Duration startupTimeout) {
}
