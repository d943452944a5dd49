package org.jingban.settlement.monthly;

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
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 拨付 to the institutions, exactly once per case: the order is inserted under the case's id (a second insert finds the
 * first), sent with that id as the bank's idempotency key, confirmed by the bank's answer or the sweep's question, and
 * the case completed by the system (办结, with the amount) once the bank booked it. The sweep carries on whatever a
 * crash left: ORDERED orders are sent (again: one transfer per id), SENT ones asked after, CONFIRMED ones whose case is
 * still open completed.
 *
 * <p>The bank is platform/payments' {@link BankPort} (the simulated one by default), as for reimbursement-service.
 */
@Component
class InstitutionPayments {

    private static final Logger log = LoggerFactory.getLogger(InstitutionPayments.class);

    private final ReactiveMongoTemplate mongo;
    private final BankPort bank;
    private final CaseService cases;
    private final MonthlySettlementProperties properties;
    private final Clock clock;

    InstitutionPayments(ReactiveMongoTemplate mongo, BankPort bank, CaseService cases,
                        MonthlySettlementProperties properties, Clock clock) {
        this.mongo = mongo;
        this.bank = bank;
        this.cases = cases;
        this.properties = properties;
        this.clock = clock;
    }

    Mono<InstitutionPaymentOrder> find(String caseId) {
        return mongo.findById(caseId, InstitutionPaymentOrder.class);
    }

    /** The case's order: made now, or the one made before (with the figures it recorded). */
    Mono<InstitutionPaymentOrder> place(InstitutionPaymentOrder order) {
        return mongo.insert(order).onErrorResume(DuplicateKeyException.class, e -> find(order.getId()));
    }

    /** Sends an ORDERED order; nothing to pay (every line refused) is confirmed without the bank. */
    Mono<InstitutionPaymentOrder> send(InstitutionPaymentOrder order) {
        if (order.getStatus() != InstitutionPaymentOrder.Status.ORDERED) {
            return Mono.just(order);
        }
        if (order.getAmountFen() == 0) {
            return settle(order, new BankPort.Answer(order.getId(), BankPort.Status.CONFIRMED, null, null));
        }
        return bank.transfer(order.transfer()).flatMap(answer -> settle(order, answer));
    }

    private Mono<InstitutionPaymentOrder> settle(InstitutionPaymentOrder order, BankPort.Answer answer) {
        return switch (answer.status()) {
            case ACCEPTED -> change(order.getId(), o -> o.sent(answer.bankReference(), clock.instant()));
            case CONFIRMED -> change(order.getId(), o -> o.sent(answer.bankReference(), clock.instant())
                    | o.confirm(answer.bankReference(), clock.instant())).flatMap(this::completeCase);
            case REJECTED -> change(order.getId(), o -> o.reject(answer.reason(), clock.instant()))
                    .doOnNext(o -> log.warn("结算款拨付被银行退回：办件{}，原因{}", o.getCaseNumber(), answer.reason()));
            case UNKNOWN -> Mono.just(order);
        };
    }

    /** 办结 by the system with the amount paid, once. */
    private Mono<InstitutionPaymentOrder> completeCase(InstitutionPaymentOrder order) {
        if (order.isCaseCompleted()) {
            return Mono.just(order);
        }
        return cases.find(order.getId())
                .flatMap(c -> c.getStatus() == CaseStatus.COMPLETED ? Mono.just(c)
                        : cases.complete(c.getId(), CaseActor.SYSTEM, order.resultDetails()))
                .then(change(order.getId(), InstitutionPaymentOrder::caseCompleted));
    }

    private Mono<InstitutionPaymentOrder> change(String id, Predicate<InstitutionPaymentOrder> change) {
        return Mono.defer(() -> find(id).flatMap(o -> change.test(o) ? mongo.save(o) : Mono.just(o)))
                .retryWhen(WriteConflicts.retry());
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
        Flux<InstitutionPaymentOrder> ordered = mongo.find(Query.query(Criteria.where("status")
                .is(InstitutionPaymentOrder.Status.ORDERED).and("orderedAt").lt(clock.instant().minus(orderedGrace))),
                InstitutionPaymentOrder.class).concatMap(this::send);
        Flux<InstitutionPaymentOrder> sent = mongo.find(Query.query(Criteria.where("status")
                .is(InstitutionPaymentOrder.Status.SENT)), InstitutionPaymentOrder.class)
                .concatMap(o -> bank.status(o.getId()).flatMap(a -> settle(o, a)));
        Flux<InstitutionPaymentOrder> confirmed = mongo.find(Query.query(Criteria.where("status")
                .is(InstitutionPaymentOrder.Status.CONFIRMED).and("caseCompleted").is(false)),
                InstitutionPaymentOrder.class).concatMap(this::completeCase);
        return Flux.concat(ordered, sent, confirmed)
                .onErrorContinue((e, o) -> log.warn("结算款拨付核对未完成，下次再试：{}", e.toString()))
                .count();
    }
}
