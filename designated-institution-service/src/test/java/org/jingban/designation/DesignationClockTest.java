package org.jingban.designation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jingban.platform.cases.Case;
import org.junit.jupiter.api.Test;

/**
 * The service's clock bean: China's time, moved by {@code jingban.clock.offset} (the e2e suite starts the packaged service
 * three weeks in the past so that a 公示 of 5 working days has passed when it is restarted on the real clock).
 */
class DesignationClockTest {

    @Test
    void the_clock_is_chinas_and_moves_by_the_configured_offset_only() {
        Clock real = new DesignationConfiguration().clock("");
        assertThat(real.getZone()).isEqualTo(Case.ZONE);
        assertThat(Duration.between(Instant.now(), real.instant()).abs()).isLessThan(Duration.ofSeconds(5));

        Clock past = new DesignationConfiguration().clock("-P21D");
        assertThat(past.getZone()).isEqualTo(Case.ZONE);
        assertThat(Duration.between(Instant.now(), past.instant()).plusDays(21).abs()).isLessThan(Duration.ofSeconds(5));
    }
}
