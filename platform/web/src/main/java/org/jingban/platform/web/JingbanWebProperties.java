package org.jingban.platform.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code jingban.web.*}. */
@ConfigurationProperties("jingban.web")
public class JingbanWebProperties {

    private final Idempotency idempotency = new Idempotency();
    private final AccessLog accessLog = new AccessLog();

    public Idempotency getIdempotency() {
        return idempotency;
    }

    public AccessLog getAccessLog() {
        return accessLog;
    }

    public static class Idempotency {
        /** Whether POST requests with an Idempotency-Key are deduplicated (needs a ReactiveMongoTemplate). */
        private boolean enabled = true;
        /** How long a key and its first response are kept. */
        private Duration ttl = Duration.ofHours(24);
        /** Largest request or response body handled; a larger request gets 413, a larger response is not stored. */
        private DataSize maxBodySize = DataSize.ofMegabytes(10);
        /** After this, a key still "in progress" is taken as left behind by a dead instance and reused. */
        private Duration inProgressTimeout = Duration.ofMinutes(5);
        /** How often expired keys are deleted by the service itself (besides the TTL index); zero or negative: never. */
        private Duration expiryInterval = Duration.ofMinutes(10);

        public Duration getExpiryInterval() {
            return expiryInterval;
        }

        public void setExpiryInterval(Duration expiryInterval) {
            this.expiryInterval = expiryInterval;
        }

        public Duration getInProgressTimeout() {
            return inProgressTimeout;
        }

        public void setInProgressTimeout(Duration inProgressTimeout) {
            this.inProgressTimeout = inProgressTimeout;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getTtl() {
            return ttl;
        }

        public void setTtl(Duration ttl) {
            this.ttl = ttl;
        }

        public DataSize getMaxBodySize() {
            return maxBodySize;
        }

        public void setMaxBodySize(DataSize maxBodySize) {
            this.maxBodySize = maxBodySize;
        }
    }

    public static class AccessLog {
        /** Whether the masked access log ({@code jingban.access}) is written. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
