package org.jingban.designation.agreement;

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
 * The store of {@link Agreement}s (collection {@code agreements}). Indexes declared here: 协议编号 unique, 机构编码 (an institution designated again keeps its code),
 * 统一社会信用代码, region and status.
 */
@Component
public class Agreements {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public Agreements(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Mono<Void> createIndexes() {
        var ops = mongo.indexOps(Agreement.class);
        return ops.createIndex(new Index().on("agreementNumber", Sort.Direction.ASC).unique())
                .then(ops.createIndex(new Index().on("institutionCode", Sort.Direction.ASC)))
                .then(ops.createIndex(new Index().on("creditCode", Sort.Direction.ASC)))
                .then(ops.createIndex(new Index().on("regionCode", Sort.Direction.ASC).on("status", Sort.Direction.ASC)))
                .then();
    }

    public Mono<Agreement> byInstitutionCode(String institutionCode) {
        // an institution designated again after a termination keeps its code: the newest agreement answers
        return mongo.findOne(Query.query(Criteria.where("institutionCode").is(institutionCode))
                .with(Sort.by(Sort.Direction.DESC, "signedAt")), Agreement.class);
    }

    public Mono<Agreement> byId(String id) {
        return mongo.findById(id, Agreement.class);
    }

    /** Every agreement of the institution with this 统一社会信用代码, newest first. */
    public Flux<Agreement> ofCreditCode(String creditCode) {
        return mongo.find(Query.query(Criteria.where("creditCode").is(creditCode))
                .with(Sort.by(Sort.Direction.DESC, "signedAt")), Agreement.class);
    }

    /** Every agreement whose {@code field} (institutionCode, creditCode, agreementNumber) is one of {@code values}. */
    public Flux<Agreement> where(String field, java.util.Collection<String> values) {
        return values.isEmpty() ? Flux.empty()
                : mongo.find(Query.query(Criteria.where(field).in(values)), Agreement.class);
    }

    /** A page of a region's agreements (staff list), by institution code. */
    public Flux<Agreement> inRegion(String regionCode, Agreement.Status status, int page, int size) {
        Criteria c = Criteria.where("regionCode").is(regionCode);
        if (status != null) {
            c = c.and("status").is(status);
        }
        return mongo.find(Query.query(c).with(Sort.by("institutionCode")).skip((long) page * size).limit(size),
                Agreement.class);
    }

    /** Inserts the agreement unless one with its id exists (a retried signing): the stored one either way. */
    public Mono<Agreement> insertOnce(Agreement agreement) {
        return mongo.insert(agreement)
                .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(agreement.getId(), Agreement.class)
                        .switchIfEmpty(Mono.error(e)));
    }

    /** Load → change (false: nothing to do) → save, again from a fresh load after a lost race. */
    public Mono<Agreement> change(String institutionCode, Predicate<Agreement> change) {
        return Mono.defer(() -> byInstitutionCode(institutionCode)
                        .flatMap(a -> change.test(a) ? mongo.save(a) : Mono.just(a)))
                .retryWhen(WriteConflicts.retry());
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Case.ZONE));
    }
}
