package org.jingban.reimbursement.claim;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jingban.platform.messaging.ReadModels;
import org.jingban.platform.messaging.ReceivedEvent;
import org.jingban.settlement.api.SettlementEvents;
import org.jingban.settlement.api.SettlementTopics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Bills settled directly (settlement-service's events, settlement-service-api): their invoices are spent, so that
 * they cannot be reimbursed by hand ("未能联网结算" is the condition of 主项六); a reversed settlement frees its invoice.
 * What a settlement added to the person's year counts here too (and comes out again on its reversal), so that a
 * manual claim after a direct settlement meets the year's 起付线 and caps once — as settlement-service counts the
 * manual claims' payments.
 */
@Component
public class SettledInvoices {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final InvoiceRegister invoices;
    private final Accumulations accumulations;

    public SettledInvoices(InvoiceRegister invoices, Accumulations accumulations) {
        this.invoices = invoices;
        this.accumulations = accumulations;
    }

    @KafkaListener(containerGroup = ReadModels.CONTAINER_GROUP, topics = SettlementTopics.EVENTS, groupId = "${spring.application.name}-settlement")
    public void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.from(record);
        if (SettlementEvents.SETTLED.equals(event.type())) {
            SettlementEvents.Settlement s = event.data(SettlementEvents.Settlement.class);
            invoices.settled(ClaimForm.normalise(s.invoiceNumber()), s.settlementId())
                    .then(s.used() == null ? Mono.empty() : accumulations.add(s.idNumber(), s.policyYear(),
                            "settlement:" + s.settlementId(), s.used()))
                    .block(TIMEOUT);
        } else if (SettlementEvents.REVERSED.equals(event.type())) {
            SettlementEvents.Settlement s = event.data(SettlementEvents.Settlement.class);
            invoices.reversed(ClaimForm.normalise(s.invoiceNumber()), s.settlementId())
                    .then(s.used() == null ? Mono.empty() : accumulations.add(s.idNumber(), s.policyYear(),
                            "settlement-reversal:" + s.settlementId(), Accumulations.negate(s.used())))
                    .block(TIMEOUT);
        }
    }
}
