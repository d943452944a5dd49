package org.jingban.platform.messaging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@SpringBootConfiguration
@EnableAutoConfiguration
class MessagingTestApplication {

    static final String INBOX_TOPIC = "jingban.inbox-test.events";
    static final String POISON_TOPIC = "jingban.poison-test.events";

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    TallyListener tallyListener(InboxApplier inbox) {
        return new TallyListener(inbox);
    }

    @Bean
    PoisonListener poisonListener() {
        return new PoisonListener();
    }

    /** A test aggregate: an application (申请) that emits events when accepted. */
    @Document("test_applications")
    static class TestApplication extends AggregateDocument {
        String status = "申请";

        TestApplication(String id) {
            this.id = id;
        }

        TestApplication() {
        }

        void accept(String regionCode, int step) {
            status = "受理";
            enqueue(OutboxEvent.of("jingban.test.application.accepted.v1", id, regionCode, new Accepted(id, step)));
        }
    }

    record Accepted(String applicationId, int step) {
    }

    /** A consumer-side aggregate: counts the distinct events applied to it. */
    @Document("test_tallies")
    static class Tally extends AggregateDocument {
        int count;

        Tally(String id) {
            this.id = id;
        }

        Tally() {
        }
    }

    static class TallyListener {
        private final InboxApplier inbox;

        TallyListener(InboxApplier inbox) {
            this.inbox = inbox;
        }

        @KafkaListener(topics = INBOX_TOPIC, groupId = "messaging-test-tally")
        void on(ConsumerRecord<String, String> record) {
            ReceivedEvent event = ReceivedEvent.from(record);
            Accepted accepted = event.data(Accepted.class);
            inbox.applyOnceOrCreate(Tally.class, "tally-" + accepted.applicationId(), Tally::new, event, tally -> {
                tally.count++;
                return tally;
            }).block();
        }
    }

    static class PoisonListener {
        final AtomicInteger attempts = new AtomicInteger();
        final List<String> handled = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = POISON_TOPIC, groupId = "messaging-test-poison")
        void on(ConsumerRecord<String, String> record) {
            ReceivedEvent event = ReceivedEvent.from(record);
            if (event.type().endsWith(".explode.v1")) {
                attempts.incrementAndGet();
                throw new IllegalStateException("处理失败（测试）");
            }
            handled.add(event.id());
        }
    }
}
