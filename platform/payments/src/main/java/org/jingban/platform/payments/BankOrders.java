package org.jingban.platform.payments;

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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The way of a service's {@link BankOrder}s to the bank, exactly once per case: made once (a second insert finds the
 * first), sent with the order id as the bank's idempotency key, confirmed by the bank's answer or by asking, and the
 * case completed (办结, by the system, with the order's {@link BankOrder#resultDetails()}) once the bank booked it.
 * {@link #sweep} carries on whatever a crash left: ORDERED orders are sent (again: one transfer per id), SENT ones
 * asked after, CONFIRMED ones whose case is still open completed. An order with nothing to pay is confirmed without
 * the bank. A service schedules the sweep.
 */
public class BankOrders<T extends BankOrder> {

    private static final Logger log = LoggerFactory.getLogger(BankOrders.class);

    private final ReactiveMongoTemplate mongo;
    private final BankPort bank;
    private final CaseService cases;
    private final Clock clock;
    private final Class<T> type;

    public BankOrders(ReactiveMongoTemplate mongo, BankPort bank, CaseService cases, Clock clock, Class<T> type) {
        this.mongo = mongo;
        this.bank = bank;
        this.cases = cases;
        this.clock = clock;
        this.type = type;
    }

    public Mono<Void> createIndexes() {
        return mongo.indexOps(type)
                .createIndex(new Index().on("status", Sort.Direction.ASC).on("caseCompleted", Sort.Direction.ASC)).then();
    }

    public Mono<T> find(String caseId) {
        return mongo.findById(caseId, type);
    }

    /** Makes the order unless the case has one (then that one, with the figures it recorded). */
    public Mono<T> place(T order) {
        return mongo.insert(order).onErrorResume(DuplicateKeyException.class, e -> find(order.getId()));
    }

    /** Sends an ORDERED order to the bank; nothing to pay is confirmed at once. */
    public Mono<T> send(T order) {
        if (order.getStatus() != BankOrder.Status.ORDERED) {
            return Mono.just(order);
        }
        if (order.getAmountFen() == 0) {
            return settle(order, new BankPort.Answer(order.getId(), BankPort.Status.CONFIRMED, null, null));
        }
        return bank.transfer(order.transfer()).flatMap(answer -> settle(order, answer));
    }

    /** Applies the bank's answer: sent, confirmed (then the case completes) or rejected. */
    private Mono<T> settle(T order, BankPort.Answer answer) {
        return switch (answer.status()) {
            case ACCEPTED -> change(order.getId(), o -> o.sent(answer.bankReference(), clock.instant()));
            case CONFIRMED -> change(order.getId(), o -> o.sent(answer.bankReference(), clock.instant())
                    | o.confirm(answer.bankReference(), clock.instant())).flatMap(this::completeCase);
            case REJECTED -> change(order.getId(), o -> o.reject(answer.reason(), clock.instant()))
                    .doOnNext(o -> log.warn("拨付被银行退回：办件{}，原因{}", o.getCaseNumber(), answer.reason()));
            case UNKNOWN -> Mono.just(order);
        };
    }

    /** 办结 by the system with the order's result, once. */
    private Mono<T> completeCase(T order) {
        if (order.isCaseCompleted()) {
            return Mono.just(order);
        }
        return cases.find(order.getId())
                .flatMap(c -> c.getStatus() == CaseStatus.COMPLETED ? Mono.just(c)
                        : cases.complete(c.getId(), CaseActor.SYSTEM, order.resultDetails()))
                .then(change(order.getId(), BankOrder::caseCompleted));
    }

    private Mono<T> change(String id, Predicate<BankOrder> change) {
        return Mono.defer(() -> find(id).flatMap(o -> change.test(o) ? mongo.save(o) : Mono.just(o)))
                .retryWhen(WriteConflicts.retry());
    }

    /** One sweep; ORDERED orders younger than {@code orderedGrace} are left to the request that made them. */
    public Mono<Long> sweep(Duration orderedGrace) {
        Flux<T> ordered = mongo.find(Query.query(Criteria.where("status").is(BankOrder.Status.ORDERED)
                .and("orderedAt").lt(clock.instant().minus(orderedGrace))), type).concatMap(this::send);
        Flux<T> sent = mongo.find(Query.query(Criteria.where("status").is(BankOrder.Status.SENT)), type)
                .concatMap(o -> bank.status(o.getId()).flatMap(a -> settle(o, a)));
        Flux<T> confirmed = mongo.find(Query.query(Criteria.where("status").is(BankOrder.Status.CONFIRMED)
                .and("caseCompleted").is(false)), type).concatMap(this::completeCase);
        return Flux.concat(ordered, sent, confirmed)
                .onErrorContinue((e, o) -> log.warn("支付核对未完成，下次再试：{}", e.toString()))
                .count();
    }
}
