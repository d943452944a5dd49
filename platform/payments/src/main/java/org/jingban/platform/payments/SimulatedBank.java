package org.jingban.platform.payments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.mongodb.reactivestreams.client.MongoClient;
import org.jingban.platform.identifiers.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import reactor.core.publisher.Mono;

/**
 * A bank for the local stack and the tests: it records every request it receives (collection {@code requests}) and
 * makes one transfer per order id (collection {@code transfers}, unique {@code _id}), booked {@code confirmDelay}
 * after it was first taken — so that a payer killed between sending and the confirmation finds, on restart, the
 * transfer made and not made twice. It keeps its books in a database of its own ({@code jingban_simulated_bank} by
 * default), as a bank would not share the service's. Not for production: a region configures its bank's adapter.
 */
public class SimulatedBank implements BankPort {

    private static final Logger log = LoggerFactory.getLogger(SimulatedBank.class);

    /** One request as received (repeats included). */
    @Document("requests")
    public record Request(@Id String id, String orderId, long amountFen, Instant receivedAt) {
    }

    /** One booked transfer: at most one per order. */
    @Document("transfers")
    public record BookedTransfer(@Id String orderId, String accountNumber, String bankName, String holder,
                                 long amountFen, String remark, Instant takenAt, Instant bookedAt, String reference) {
    }

    private final ReactiveMongoTemplate books;
    private final Clock clock;
    private final Duration confirmDelay;

    public SimulatedBank(MongoClient client, String database, Clock clock, Duration confirmDelay) {
        this.books = new ReactiveMongoTemplate(client, database);
        this.clock = clock;
        this.confirmDelay = confirmDelay;
    }

    @Override
    public Mono<Answer> transfer(Transfer t) {
        Instant now = clock.instant();
        BookedTransfer booked = new BookedTransfer(t.orderId(), t.accountNumber(), t.bankName(), t.holder(),
                t.amountFen(), t.remark(), now, now.plus(confirmDelay), "SIM-" + t.orderId());
        return books.insert(new Request(java.util.UUID.randomUUID().toString(), t.orderId(), t.amountFen(), now))
                .then(books.insert(booked)
                        .doOnNext(b -> log.info("模拟银行受理代发 {}：账号{} 金额{}分", b.orderId(),
                                Masking.bankAccount(b.accountNumber()), b.amountFen()))
                        .onErrorResume(DuplicateKeyException.class, e -> books.findById(t.orderId(), BookedTransfer.class)))
                .map(this::answer);
    }

    @Override
    public Mono<Answer> status(String orderId) {
        return books.findById(orderId, BookedTransfer.class).map(this::answer)
                .defaultIfEmpty(new Answer(orderId, Status.UNKNOWN, null, null));
    }

    private Answer answer(BookedTransfer b) {
        boolean booked = !clock.instant().isBefore(b.bookedAt());
        return new Answer(b.orderId(), booked ? Status.CONFIRMED : Status.ACCEPTED, b.reference(), null);
    }

    public ReactiveMongoTemplate books() {
        return books;
    }
}
