package org.jingban.notification.intake;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jingban.platform.messaging.ReceivedEvent;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Listens to every service's topic by pattern ({@code jingban.<area>.events}), so a service filed later is heard
 * without a change here as soon as it publishes the case events; enrollment's person and unit events and
 * designated-institution's agreement events on the same pattern keep the contact book. A record that cannot be
 * handled after the
 * messaging library's retries goes to {@code <topic>.dlt}.
 */
public class CaseEventListener {

    private static final Duration HANDLING_TIMEOUT = Duration.ofSeconds(30);

    private final CaseEventIntake intake;
    private final org.jingban.notification.recipient.ContactRecords records;

    public CaseEventListener(CaseEventIntake intake, org.jingban.notification.recipient.ContactRecords records) {
        this.intake = intake;
        this.records = records;
    }

    @KafkaListener(id = "${jingban.notification.listener-id:notification-case-events}",
            topicPattern = "${jingban.notification.topic-pattern:jingban\\.[a-z0-9-]+\\.events}",
            groupId = "${jingban.notification.consumer-group:notification-service}")
    public void on(ConsumerRecord<String, ?> record) {
        ReceivedEvent event = ReceivedEvent.from(record);
        // the parties' own records (person, unit, agreement events) keep the contact book; case events make messages
        records.handle(event).then(intake.handle(event)).block(HANDLING_TIMEOUT);
    }
}
