package org.jingban.notification.message;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per provider (Aliyun, WeChat and Alipay all cap the rate per application): at most {@code rate}
 * messages per second, bursts up to one second's worth. A delivery that finds no token is postponed, not failed.
 */
public final class ProviderRateLimiter {

    private final Map<String, Double> rates;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public ProviderRateLimiter(Map<String, Double> rates, Clock clock) {
        this.rates = Map.copyOf(rates);
        this.clock = clock;
    }

    public boolean tryAcquire(String provider) {
        Double rate = rates.get(provider);
        if (rate == null || rate <= 0) {
            return true;
        }
        return buckets.computeIfAbsent(provider, p -> new Bucket(rate, clock.millis())).take(clock.millis());
    }

    private static final class Bucket {
        private final double perMilli;
        private final double capacity;
        private double tokens;
        private long last;

        Bucket(double perSecond, long now) {
            this.perMilli = perSecond / 1000.0;
            this.capacity = Math.max(1.0, perSecond);
            this.tokens = capacity;
            this.last = now;
        }

        synchronized boolean take(long now) {
            if (now > last) {
                tokens = Math.min(capacity, tokens + (now - last) * perMilli);
                last = now;
            }
            if (tokens >= 1.0) {
                tokens -= 1.0;
                return true;
            }
            return false;
        }
    }
}
