package org.jingban.settlement.direct;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jingban.enrollment.api.AccountEvents;
import org.jingban.enrollment.api.EnrollmentTopics;
import org.jingban.platform.messaging.ReceivedEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * enrollment-service's {@code account.debited} events under a settlement's key ({@code settlement:<id>}): the proof that
 * a debit landed, also when its answer never reached settlement-service (a timeout). Recorded on the settlement; if
 * the settlement had paid that share in cash, the sweep gives the debit back.
 */
@Component
public class ObservedDebits {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final DirectSettlements settlements;

    public ObservedDebits(DirectSettlements settlements) {
        this.settlements = settlements;
    }

    @KafkaListener(topics = EnrollmentTopics.EVENTS, groupId = "${spring.application.name}-debits")
    public void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.from(record);
        if (!AccountEvents.DEBITED.equals(event.type())) {
            return;
        }
        AccountEvents.Posted posted = event.data(AccountEvents.Posted.class);
        String key = posted.idempotencyKey();
        if (key != null && key.startsWith(DirectSettlements.DEBIT_KEY) && "DEBIT".equals(posted.kind())) {
            settlements.debitObserved(key.substring(DirectSettlements.DEBIT_KEY.length()), posted.entryId()).block(TIMEOUT);
        }
    }
}
