package org.jingban.notification.intake;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jingban.platform.messaging.ReceivedEvent;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Listens to every service's topic by pattern ({@code jingban.<area>.events}), so a service filed later is heard
 * without a change here as soon as it publishes the case events. A record that cannot be handled after the
 * messaging library's retries goes to {@code <topic>.dlt}.
 */
public class CaseEventListener {

    private static final Duration HANDLING_TIMEOUT = Duration.ofSeconds(30);

    private final CaseEventIntake intake;

    public CaseEventListener(CaseEventIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(id = "${jingban.notification.listener-id:notification-case-events}",
            topicPattern = "${jingban.notification.topic-pattern:jingban\\.[a-z0-9-]+\\.events}",
            groupId = "${jingban.notification.consumer-group:notification-service}")
    public void on(ConsumerRecord<String, ?> record) {
        intake.handle(ReceivedEvent.from(record)).block(HANDLING_TIMEOUT);
    }
}
