package org.jingban.platform.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code jingban.messaging.*}: where events go and how hard the relay and the consumers try. */
@ConfigurationProperties("jingban.messaging")
public class MessagingProperties {

    /** The topic this service publishes to; empty derives {@code jingban.<service>.events} from spring.application.name. */
    private String topic;

    /** The CloudEvents source; empty derives {@code /jingban/<service>} from spring.application.name. */
    private String source;

    private final Relay relay = new Relay();
    private final Consumer consumer = new Consumer();

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public Relay getRelay() {
        return relay;
    }

    public Consumer getConsumer() {
        return consumer;
    }

    public static class Relay {
        /** Whether this application runs the outbox relay. */
        private boolean enabled = true;
        /**
         * How often the relay looks for stragglers: a save that enqueued events nudges it at once, so the poll only finds
         * events a crash or a failed pass left behind (each poll is one indexed query per aggregate collection).
         */
        private Duration interval = Duration.ofSeconds(1);
        /** The longest wait between attempts while Kafka is unreachable. */
        private Duration maxBackoff = Duration.ofSeconds(5);
        /** How many aggregates with pending events one pass reads per collection. */
        private int batchSize = 100;
        /** How long the producer tries to deliver one event before the relay gives up and retries it from the document. */
        private Duration deliveryTimeout = Duration.ofSeconds(20);

        public Duration getDeliveryTimeout() {
            return deliveryTimeout;
        }

        public void setDeliveryTimeout(Duration deliveryTimeout) {
            this.deliveryTimeout = deliveryTimeout;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }
    }

    public static class Consumer {
        /** Delivery attempts of one record before it goes to {@code <topic>.dlt} (first try included). */
        private int attempts = 3;
        /** Wait between two attempts. */
        private Duration backoff = Duration.ofMillis(500);

        public int getAttempts() {
            return attempts;
        }

        public void setAttempts(int attempts) {
            this.attempts = attempts;
        }

        public Duration getBackoff() {
            return backoff;
        }

        public void setBackoff(Duration backoff) {
            this.backoff = backoff;
        }
    }
}
