package org.jingban.reimbursement.chronic;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Predicate;

import org.jingban.platform.messaging.WriteConflicts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The store of {@link Entitlement}s (collection {@code entitlements}); indexes declared here. */
@Component
public class Entitlements {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public Entitlements(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Mono<Void> createIndexes() {
        var ops = mongo.indexOps(Entitlement.class);
        return ops.createIndex(new Index().on("entitlementNumber", Sort.Direction.ASC).unique())
                .then(ops.createIndex(new Index().on("idNumber", Sort.Direction.ASC)))
                .then(ops.createIndex(new Index().on("status", Sort.Direction.ASC).on("validUntil", Sort.Direction.ASC)))
                .then();
    }

    public Flux<Entitlement> ofPerson(String idNumber) {
        return mongo.find(Query.query(Criteria.where("idNumber").is(idNumber))
                .with(Sort.by(Sort.Direction.DESC, "grantedAt")), Entitlement.class);
    }

    public Mono<Entitlement> byNumber(String number) {
        return mongo.findOne(Query.query(Criteria.where("entitlementNumber").is(number)), Entitlement.class);
    }

    /** Whether the person is entitled for the disease (code or name) on the day. */
    public Mono<Boolean> entitledOn(String idNumber, String disease, LocalDate day) {
        return ofPerson(idNumber).any(e -> e.covers(disease, day));
    }

    /** Inserts the entitlement a case granted unless it exists. */
    Mono<Entitlement> grantOnce(Entitlement e) {
        return mongo.insert(e).onErrorResume(DuplicateKeyException.class, x -> mongo.findById(e.getId(), Entitlement.class));
    }

    Mono<Entitlement> change(String number, Predicate<Entitlement> change) {
        return Mono.defer(() -> byNumber(number).flatMap(e -> change.test(e) ? mongo.save(e) : Mono.just(e)))
                .retryWhen(WriteConflicts.retry());
    }

    /** ACTIVE entitlements whose validity ended before {@code today}. */
    Flux<Entitlement> endedBefore(LocalDate today) {
        return mongo.find(Query.query(Criteria.where("status").is(Entitlement.Status.ACTIVE).and("validUntil").lt(today)),
                Entitlement.class);
    }

    Mono<Entitlement> end(String number, String reason) {
        return change(number, e -> e.end(reason, clock.instant()));
    }
}
