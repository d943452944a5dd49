package org.jingban.platform.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@code jingban.clock.offset}: unset is the system clock; set, the clock is moved and a warning says so. */
class ServiceClockTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(ServiceClock.class);

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
    }

    @Test
    void without_an_offset_the_service_runs_on_the_system_clock_and_says_nothing() {
        for (String unset : new String[] {null, "", "  ", "PT0S"}) {
            Clock clock = ServiceClock.of(CHINA, unset);
            assertThat(clock.getZone()).isEqualTo(CHINA);
            assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
        }
        assertThat(logged.list).isEmpty();
    }

    @Test
    void an_offset_moves_the_clock_and_is_logged_as_a_warning_naming_the_property() {
        Clock clock = ServiceClock.of(CHINA, " -P21D ");
        Duration moved = Duration.between(Instant.now(), clock.instant());
        assertThat(moved).isBetween(Duration.ofDays(-21).minusSeconds(5), Duration.ofDays(-21).plusSeconds(5));
        assertThat(clock.getZone()).isEqualTo(CHINA);
        assertThat(logged.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains("jingban.clock.offset=-P21D", "时钟偏移已启用", "生产环境不得设置");
        });
    }

    @Test
    void a_malformed_offset_stops_the_service_naming_the_property() {
        assertThatThrownBy(() -> ServiceClock.of(CHINA, "21 days"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jingban.clock.offset=21 days");
    }
}
