package org.jingban.reimbursement.payment;

import java.time.Clock;
import java.time.Duration;

import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.payments.BankOrders;
import org.jingban.platform.payments.BankPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The payment orders of reimbursement-service's items (collection {@code payment_orders}) on their way to the bank:
 * platform/payments' {@link BankOrders} (made once per case, sent with the order id as the idempotency key, the case
 * completed by the system on the bank's confirmation, a sweep carrying on what a crash left), scheduled here.
 */
@Component
public class PaymentOrders {

    private final BankOrders<PaymentOrder> orders;
    private final Clock clock;

    public PaymentOrders(ReactiveMongoTemplate mongo, BankPort bank, CaseService cases, Clock clock) {
        this.orders = new BankOrders<>(mongo, bank, cases, clock, PaymentOrder.class);
        this.clock = clock;
    }

    public Mono<Void> createIndexes() {
        return orders.createIndexes();
    }

    public Mono<PaymentOrder> find(String caseId) {
        return orders.find(caseId);
    }

    /** Makes the order unless the case has one (then that one, with the figures it recorded). */
    public Mono<PaymentOrder> place(PaymentOrder.Terms terms) {
        return orders.place(PaymentOrder.order(terms, clock.instant()));
    }

    /** Sends an ORDERED order to the bank; an order with nothing to pay is confirmed at once. */
    public Mono<PaymentOrder> send(PaymentOrder order) {
        return orders.send(order);
    }

    /** Carries on what a crash or a slow bank left (see {@link BankOrders#sweep}). */
    @Scheduled(fixedDelayString = "${jingban.reimbursement.payment.check-interval:PT5S}",
            initialDelayString = "${jingban.reimbursement.payment.check-interval:PT5S}")
    public void sweep() {
        orders.sweep(Duration.ofSeconds(30)).block(Duration.ofMinutes(2));
    }
}
