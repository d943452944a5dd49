package org.jingban.settlement.direct;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jingban.platform.messaging.ReceivedEvent;
import org.jingban.reimbursement.api.PaymentEvents;
import org.jingban.reimbursement.api.ReimbursementTopics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Manual reimbursements paid by reimbursement-service (its {@code payment.ordered} events, reimbursement-service-api):
 * what each added to the person's year counts in the year here too, once, so that a direct settlement after a manual
 * claim meets the year's 起付线 and caps as the claim left them — one year whichever channel paid.
 */
@Component
public class ManualPayments {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Accumulations accumulations;

    public ManualPayments(Accumulations accumulations) {
        this.accumulations = accumulations;
    }

    @KafkaListener(topics = ReimbursementTopics.EVENTS, groupId = "${spring.application.name}-reimbursement-payments")
    public void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.from(record);
        if (PaymentEvents.ORDERED.equals(event.type())) {
            PaymentEvents.Payment p = event.data(PaymentEvents.Payment.class);
            if (p.used() != null) {
                accumulations.add(p.idNumber(), p.policyYear(), "reimbursement:" + p.orderId(), Usage.of(p.used()))
                        .block(TIMEOUT);
            }
        }
    }
}
