package org.jingban.offsitefiling.filing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Predicate;

import org.jingban.platform.cases.Case;
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

/**
 * The store of {@link Filing}s (collection {@code filings}): made once per case, ended by 变更, 取消 or expiry, each a
 * single-document write that carries its event. Indexes are declared here (备案编号 unique; person; status and end).
 */
@Component
public class Filings {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public Filings(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Indexes real MongoDB needs (the embedded store keeps the unique one). */
    public Mono<Void> createIndexes() {
        var ops = mongo.indexOps(Filing.class);
        return ops.createIndex(new Index().on("filingNumber", Sort.Direction.ASC).unique())
                .then(ops.createIndex(new Index().on("idNumber", Sort.Direction.ASC)))
                .then(ops.createIndex(new Index().on("status", Sort.Direction.ASC).on("validUntil", Sort.Direction.ASC)))
                .then();
    }

    public Flux<Filing> ofPerson(String idNumber) {
        return mongo.find(Query.query(Criteria.where("idNumber").is(idNumber))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")), Filing.class);
    }

    public Mono<Filing> byNumber(String filingNumber) {
        return mongo.findOne(Query.query(Criteria.where("filingNumber").is(filingNumber)), Filing.class);
    }

    /**
     * Inserts the filing a case made unless it exists; then the filing it replaces, if any, is marked so. Two writes:
     * after a crash between them the case's completed event runs this again (the instant path too, through the
     * service's {@code @CaseReaction}), which finds the new filing and marks the old one.
     */
    Mono<Filing> registerOnce(Filing filing) {
        Mono<Filing> made = mongo.insert(filing)
                .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(filing.getId(), Filing.class));
        return made.flatMap(f -> f.getReplaces() == null ? Mono.just(f)
                : change(f.getReplaces(), old -> old.replaceBy(f.getFilingNumber(), clock.instant())).thenReturn(f));
    }

    /** Load → change (false: nothing to do) → save, again from a fresh load after a lost race. */
    Mono<Filing> change(String filingNumber, Predicate<Filing> change) {
        return Mono.defer(() -> byNumber(filingNumber)
                        .flatMap(f -> change.test(f) ? mongo.save(f) : Mono.just(f)))
                .retryWhen(WriteConflicts.retry());
    }

    /** 取消备案 (nothing changes when it had ended already). */
    Mono<Filing> cancel(String filingNumber, String by) {
        return change(filingNumber, f -> f.cancel(by, clock.instant()));
    }

    /** Ends the validity of one filing found by {@link #endedBefore}, if it still has to end. */
    Mono<Filing> expire(String filingNumber, LocalDate today) {
        return change(filingNumber, f -> f.expire(today, clock.instant()));
    }

    /** ACTIVE filings whose validity ended before {@code today}. */
    Flux<Filing> endedBefore(LocalDate today) {
        return mongo.find(Query.query(Criteria.where("status").is(Filing.Status.ACTIVE).and("validUntil").lt(today)),
                Filing.class);
    }

    /** Filings of a region on the promise path (表18), newest first, for a later check. */
    Flux<Filing> promisedIn(String regionCode, int page, int size) {
        return mongo.find(Query.query(Criteria.where("insuredRegionCode").is(regionCode).and("path").is(Filing.Path.PROMISE))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).skip((long) page * size).limit(size), Filing.class);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Case.ZONE));
    }
}
