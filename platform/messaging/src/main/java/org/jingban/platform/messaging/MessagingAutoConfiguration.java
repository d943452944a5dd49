package org.jingban.platform.messaging;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.StringUtils;

/**
 * Events for a service that has reactive MongoDB and Kafka: the outbox relay, the inbox applier,
 * and the listener error handling (bounded retries, then {@code <topic>.dlt}).
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, DataMongoReactiveAutoConfiguration.class})
@ConditionalOnClass({ReactiveMongoTemplate.class, KafkaTemplate.class})
@ConditionalOnBean({ReactiveMongoTemplate.class, KafkaConnectionDetails.class})
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    InboxApplier inboxApplier(ReactiveMongoTemplate template) {
        return new InboxApplier(template);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "jingban.messaging.relay.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(ReactiveMongoTemplate template, MessagingProperties properties, Environment environment,
                            KafkaProperties kafkaProperties, KafkaConnectionDetails connection,
                            ObjectProvider<MeterRegistry> meters) {
        String applicationName = environment.getProperty("spring.application.name");
        String topic = StringUtils.hasText(properties.getTopic()) ? properties.getTopic() : EventTopics.topicOf(applicationName);
        String source = StringUtils.hasText(properties.getSource()) ? properties.getSource() : EventTopics.sourceOf(applicationName);
        Map<String, Object> producerProperties = producerProperties(kafkaProperties, connection);
        producerProperties.putAll(OutboxRelay.producerOverrides(properties.getRelay()));
        producerProperties.put("client.id", "jingban-outbox-relay-" + EventTopics.serviceName(applicationName));
        return new OutboxRelay(template,
                () -> new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer()),
                topic, source, properties.getRelay(), meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    /** The trace context goes with each outbox event (a no-op without a tracer: tracing is optional here). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"io.micrometer.tracing.Tracer", "io.micrometer.context.ContextSnapshotFactory"})
    static class OutboxTracing {

        @Bean
        @ConditionalOnMissingBean
        OutboxTraceStamper outboxTraceStamper(ObjectProvider<Tracer> tracer) {
            return new OutboxTraceStamper(tracer::getIfAvailable);
        }
    }

    @Bean
    OutboxNudger outboxNudger(ObjectProvider<OutboxRelay> relay) {
        return new OutboxNudger(relay);
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetters deadLetters(KafkaProperties kafkaProperties, KafkaConnectionDetails connection,
                            ObjectProvider<MeterRegistry> meters) {
        return new DeadLetters(producerProperties(kafkaProperties, connection), meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    /** Picked up by Boot's listener container factory. */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler jingbanKafkaErrorHandler(DeadLetters deadLetters, MessagingProperties properties) {
        return deadLetters.errorHandler(properties.getConsumer().getAttempts(),
                properties.getConsumer().getBackoff().toMillis());
    }

    /** Boot's producer settings, with the servers from the connection details (a Testcontainers broker, say). */
    private static Map<String, Object> producerProperties(KafkaProperties kafkaProperties, KafkaConnectionDetails connection) {
        Map<String, Object> props = new HashMap<>(kafkaProperties.buildProducerProperties());
        props.put("bootstrap.servers", String.join(",", connection.getProducer().getBootstrapServers()));
        props.remove("key.serializer");
        props.remove("value.serializer");
        props.remove("transactional.id");
        return props;
    }
}
