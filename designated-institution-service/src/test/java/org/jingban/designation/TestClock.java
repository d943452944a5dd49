package org.jingban.designation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.jingban.platform.cases.Case;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the tests move (days in China): the service's, the case kernel's and the audit trail's. */
public final class TestClock extends Clock {

    private volatile Instant now = Instant.now();

    /** Replaces the service's clock bean in a test context: {@code @Import(TestClock.Config.class)}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    /** 09:00 in China on that day. */
    public TestClock on(LocalDate day) {
        now = ZonedDateTime.of(day, LocalTime.of(9, 0), Case.ZONE).toInstant();
        return this;
    }

    public TestClock on(String day) {
        return on(LocalDate.parse(day));
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, Case.ZONE);
    }

    @Override
    public ZoneId getZone() {
        return Case.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return self.withZone(z);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }
}
