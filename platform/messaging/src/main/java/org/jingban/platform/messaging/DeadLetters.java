package org.jingban.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.core.JacksonException;

/**
 * Where consumed records go when they cannot be handled (死信): after a bounded number of attempts,
 * to {@code <topic>.dlt} with the original key, value and headers (so the {@code ce_*} attributes
 * survive) plus Spring's {@code kafka_dlt-*} headers saying why. Each one counts in
 * {@code jingban.events.dead.letters}, tagged by the original topic.
 */
public class DeadLetters implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final DefaultKafkaProducerFactory<Object, Object> producerFactory;
    private final KafkaTemplate<Object, Object> template;
    private final MeterRegistry meters;

    public DeadLetters(Map<String, Object> producerProperties, MeterRegistry meters) {
        Map<String, Object> props = new HashMap<>(producerProperties);
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        this.producerFactory = new DefaultKafkaProducerFactory<>(props, new RawSerializer(), new RawSerializer());
        this.template = new KafkaTemplate<>(producerFactory);
        this.meters = meters;
    }

    /** An error handler: {@code attempts} deliveries with {@code backoffMillis} between them, then the dead-letter topic. */
    public DefaultErrorHandler errorHandler(int attempts, long backoffMillis) {
        DeadLetterPublishingRecoverer recoverer = new CountingRecoverer(template, meters);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(backoffMillis, Math.max(0, attempts - 1)));
        // Retrying cannot fix a record that is not a CloudEvent or whose JSON does not parse.
        handler.addNotRetryableExceptions(NotACloudEventException.class, JacksonException.class);
        return handler;
    }

    @Override
    public void destroy() {
        producerFactory.destroy();
    }

    private static final class CountingRecoverer extends DeadLetterPublishingRecoverer {
        private final MeterRegistry meters;

        CountingRecoverer(KafkaTemplate<Object, Object> template, MeterRegistry meters) {
            // Partition -1: let the key choose, as the dead-letter topic may have fewer partitions.
            super(template, (record, e) -> new TopicPartition(EventTopics.deadLetterTopicOf(record.topic()), -1));
            this.meters = meters;
        }

        @Override
        public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
            super.accept(record, consumer, exception);
            Counter.builder("jingban.events.dead.letters").tag("topic", record.topic())
                    .description("Consumed events sent to the dead-letter topic").register(meters).increment();
            log.warn("事件处理失败，已转入死信主题 {}: {}-{}@{} ({})", EventTopics.deadLetterTopicOf(record.topic()),
                    record.topic(), record.partition(), record.offset(), rootMessage(exception));
        }

        private static String rootMessage(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }
    }

    /** Writes back what was read: bytes as they are, text as UTF-8, anything else as event JSON. */
    static final class RawSerializer implements Serializer<Object> {
        @Override
        public byte[] serialize(String topic, Object data) {
            if (data == null) {
                return null;
            }
            if (data instanceof byte[] bytes) {
                return bytes;
            }
            if (data instanceof String text) {
                return text.getBytes(StandardCharsets.UTF_8);
            }
            return EventJson.write(data).getBytes(StandardCharsets.UTF_8);
        }
    }
}
