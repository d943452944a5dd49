package org.jingban.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.jingban.platform.messaging.MessagingTestApplication.Accepted;
import org.jingban.platform.messaging.MessagingTestApplication.TestApplication;
import org.jingban.platform.test.CloudEventRecord;
import org.jingban.platform.test.EventProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The outbox relay against a real MongoDB and a real Kafka broker, where a Docker
 * engine exists; skipped, not failed, where none does (this build machine). The embedded store speaks
 * the MongoDB wire protocol but is not MongoDB: this keeps the relay's queries honest on the real thing.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = MessagingTestApplication.class, properties = {
        "spring.application.name=messaging-test-service",
        "spring.mongodb.database=messaging-real",
        "jingban.messaging.relay.max-backoff=1s"})
class OutboxRelayOnRealServersTest {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", MONGO::getConnectionString);
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
    }

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void an_event_saved_with_its_aggregate_reaches_kafka_once_and_leaves_the_document() {
        try (EventProbe probe = EventProbe.on(KAFKA.getBootstrapServers(), MessagingTest.TOPIC)) {
            String id = "app-" + UUID.randomUUID();
            TestApplication application = new TestApplication(id);
            application.accept("620602", 1);
            OutboxEvent event = application.getOutbox().get(0);
            mongo.save(application).block();

            CloudEventRecord published = probe.awaitEvent(e -> event.id().equals(e.id()), Duration.ofSeconds(60));
            assertThat(published.key()).isEqualTo(id);
            assertThat(published.data(Accepted.class)).isEqualTo(new Accepted(id, 1));
            await().atMost(Duration.ofSeconds(60)).until(() -> mongo.findOne(Query.query(Criteria.where("_id").is(id)),
                    Document.class, "test_applications").block().getList("outbox", Object.class, java.util.List.of()).isEmpty());
            assertThat(probe.events().stream().filter(e -> event.id().equals(e.id()))).hasSize(1);
        }
    }
}
