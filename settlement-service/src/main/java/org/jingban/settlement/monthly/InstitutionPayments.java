package org.jingban.settlement.monthly;

import java.time.Clock;
import java.time.Duration;

import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.payments.BankOrders;
import org.jingban.platform.payments.BankPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * 拨付 to the institutions, exactly once per case: platform/payments' {@link BankOrders} over
 * {@link InstitutionPaymentOrder} (made once, sent with the case's id as the bank's idempotency key, the case completed
 * by the system with the amount once the bank booked it; nothing to pay is confirmed without the bank), its sweep
 * scheduled here.
 */
@Component
class InstitutionPayments {

    private static final Logger log = LoggerFactory.getLogger(InstitutionPayments.class);

    private final BankOrders<InstitutionPaymentOrder> orders;
    private final MonthlySettlementProperties properties;

    InstitutionPayments(ReactiveMongoTemplate mongo, BankPort bank, CaseService cases,
                        MonthlySettlementProperties properties, Clock clock) {
        this.orders = new BankOrders<>(mongo, bank, cases, clock, InstitutionPaymentOrder.class);
        this.properties = properties;
    }

    Mono<InstitutionPaymentOrder> find(String caseId) {
        return orders.find(caseId);
    }

    /** The case's order: made now, or the one made before (with the figures it recorded). */
    Mono<InstitutionPaymentOrder> place(InstitutionPaymentOrder order) {
        return orders.place(order);
    }

    Mono<InstitutionPaymentOrder> send(InstitutionPaymentOrder order) {
        return orders.send(order);
    }

    Mono<Void> createIndexes() {
        return orders.createIndexes();
    }

    @Scheduled(fixedDelayString = "${jingban.settlement.monthly.check-interval:PT5S}",
            initialDelayString = "${jingban.settlement.monthly.check-interval:PT5S}")
    void scheduledSweep() {
        try {
            sweep(properties.orderedGrace()).block(Duration.ofMinutes(2));
        } catch (RuntimeException e) {
            log.warn("结算款拨付核对未完成，下次再试：{}", e.toString());
        }
    }

    /** One sweep; ORDERED orders younger than {@code orderedGrace} are left to the reaction that made them. */
    Mono<Long> sweep(Duration orderedGrace) {
        return orders.sweep(orderedGrace);
    }
}
