package org.jingban.reimbursement.payment;

import org.jingban.platform.payments.BankPort;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;

import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.messaging.WriteConflicts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The payment orders of manual reimbursements (collection {@code payment_orders}) and their way to the bank: made
 * once per case, sent with the order id as the bank's idempotency key, confirmed by asking the bank, and the case
 * completed (办结, by the system, with 报销金额) once the bank booked the transfer. A sweep carries on every order a
 * crash left behind: ORDERED ones are sent (again: the bank makes one transfer per id), SENT ones asked after,
 * CONFIRMED ones whose case is still open completed.
 */
@Component
public class PaymentOrders {

    private static final Logger log = LoggerFactory.getLogger(PaymentOrders.class);

    private final ReactiveMongoTemplate mongo;
    private final BankPort bank;
    private final CaseService cases;
    private final Clock clock;

    public PaymentOrders(ReactiveMongoTemplate mongo, BankPort bank, CaseService cases, Clock clock) {
        this.mongo = mongo;
        this.bank = bank;
        this.cases = cases;
        this.clock = clock;
    }

    public Mono<Void> createIndexes() {
        return mongo.indexOps(PaymentOrder.class)
                .createIndex(new Index().on("status", Sort.Direction.ASC).on("caseCompleted", Sort.Direction.ASC)).then();
    }

    public Mono<PaymentOrder> find(String caseId) {
        return mongo.findById(caseId, PaymentOrder.class);
    }

    /** Makes the order unless the case has one (then that one, with the figures it recorded). */
    public Mono<PaymentOrder> place(PaymentOrder.Terms terms) {
        return mongo.insert(PaymentOrder.order(terms, clock.instant()))
                .onErrorResume(DuplicateKeyException.class, e -> find(terms.caseId()));
    }

    /** Sends an ORDERED order to the bank; an order with nothing to pay is confirmed at once. */
    public Mono<PaymentOrder> send(PaymentOrder order) {
        if (order.getStatus() != PaymentOrder.Status.ORDERED) {
            return Mono.just(order);
        }
        if (order.nothingToPay()) {
            return settle(order, new BankPort.Answer(order.getId(), BankPort.Status.CONFIRMED, null, null));
        }
        return bank.transfer(order.transfer()).flatMap(answer -> settle(order, answer));
    }

    /** Applies the bank's answer: sent, confirmed (then the case completes) or rejected. */
    private Mono<PaymentOrder> settle(PaymentOrder order, BankPort.Answer answer) {
        return switch (answer.status()) {
            case ACCEPTED -> change(order.getId(), o -> o.sent(answer.bankReference(), clock.instant()));
            case CONFIRMED -> change(order.getId(), o -> o.sent(answer.bankReference(), clock.instant())
                    | o.confirm(answer.bankReference(), clock.instant())).flatMap(this::completeCase);
            case REJECTED -> change(order.getId(), o -> o.reject(answer.reason(), clock.instant()))
                    .doOnNext(o -> log.warn("报销支付被银行退回：办件{}，原因{}", o.getCaseNumber(), answer.reason()));
            case UNKNOWN -> Mono.just(order);
        };
    }

    /** 办结 by the system with 报销金额, once. */
    private Mono<PaymentOrder> completeCase(PaymentOrder order) {
        if (order.isCaseCompleted()) {
            return Mono.just(order);
        }
        return cases.find(order.getId())
                .flatMap(c -> c.getStatus() == CaseStatus.COMPLETED ? Mono.just(c)
                        : cases.complete(c.getId(), CaseActor.SYSTEM, order.resultDetails()))
                .then(change(order.getId(), PaymentOrder::caseCompleted));
    }

    private Mono<PaymentOrder> change(String id, Predicate<PaymentOrder> change) {
        return Mono.defer(() -> find(id).flatMap(o -> change.test(o) ? mongo.save(o) : Mono.just(o)))
                .retryWhen(WriteConflicts.retry());
    }

    /** Carries on what a crash or a slow bank left: see the class comment. */
    @Scheduled(fixedDelayString = "${jingban.reimbursement.payment.check-interval:PT5S}",
            initialDelayString = "${jingban.reimbursement.payment.check-interval:PT5S}")
    public void sweep() {
        sweep(Duration.ofSeconds(30)).block(Duration.ofMinutes(2));
    }

    /** One sweep; ORDERED orders younger than {@code orderedGrace} are left to the request that made them. */
    public Mono<Long> sweep(Duration orderedGrace) {
        Flux<PaymentOrder> ordered = mongo.find(Query.query(Criteria.where("status").is(PaymentOrder.Status.ORDERED)
                .and("orderedAt").lt(clock.instant().minus(orderedGrace))), PaymentOrder.class).concatMap(this::send);
        Flux<PaymentOrder> sent = mongo.find(Query.query(Criteria.where("status").is(PaymentOrder.Status.SENT)),
                PaymentOrder.class).concatMap(o -> bank.status(o.getId()).flatMap(a -> settle(o, a)));
        Flux<PaymentOrder> confirmed = mongo.find(Query.query(Criteria.where("status").is(PaymentOrder.Status.CONFIRMED)
                .and("caseCompleted").is(false)), PaymentOrder.class).concatMap(this::completeCase);
        return Flux.concat(ordered, sent, confirmed)
                .onErrorContinue((e, o) -> log.warn("支付核对未完成，下次再试：{}", e.toString()))
                .count();
    }
}
