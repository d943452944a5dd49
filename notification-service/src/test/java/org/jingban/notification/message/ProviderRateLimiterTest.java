package org.jingban.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jingban.platform.test.ManualClock;
import org.junit.jupiter.api.Test;

class ProviderRateLimiterTest {

    @Test
    void two_sms_per_second_means_the_third_waits_for_half_a_second_and_other_providers_are_not_affected() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-24T02:00:00Z"));
        ProviderRateLimiter limiter = new ProviderRateLimiter(Map.of("aliyun-sms", 2.0), clock);

        assertThat(limiter.tryAcquire("aliyun-sms")).isTrue();
        assertThat(limiter.tryAcquire("aliyun-sms")).isTrue();
        assertThat(limiter.tryAcquire("aliyun-sms")).isFalse();
        assertThat(limiter.tryAcquire("wechat-subscribe")).isTrue(); // no limit configured

        clock.advance(Duration.ofMillis(500)); // 0.5 s × 2/s = one token
        assertThat(limiter.tryAcquire("aliyun-sms")).isTrue();
        assertThat(limiter.tryAcquire("aliyun-sms")).isFalse();
    }
}
