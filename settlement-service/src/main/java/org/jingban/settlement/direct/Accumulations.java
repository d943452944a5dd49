package org.jingban.settlement.direct;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A person's year-to-date accumulations per 证件号码 and policy year, in whole fen, with a version: one document per
 * person-year. A settlement is calculated from the year at version v and counted only if the year is still at v (the
 * condition, the sums, the new version and the settlement's key are one atomic update); if another visit of the person
 * was counted meanwhile the settlement is calculated again from the new year. Two concurrent visits of one person
 * therefore never both take the yearly deductible, nor both fill the same cap. The key kept in {@code applied} makes
 * counting idempotent (a retry after a crash finds its key and does not count again); a reversal subtracts once under
 * {@code reverse:<key>} and moves the version on, so a visit calculated before it is calculated again.
 */
@Component
public class Accumulations {

    @Document("accumulations")
    public record Accumulation(@Id String id, String idNumber, int year, long version, long deductiblePaid,
                               long basicFundPaid, long outpatientFundPaid, long chronicFundPaid,
                               long criticalIllnessPaid, long assistancePaid, long eligiblePersonalShare,
                               List<String> applied) {

        Usage usage() {
            return new Usage(deductiblePaid, basicFundPaid, outpatientFundPaid, chronicFundPaid, criticalIllnessPaid,
                    assistancePaid, eligiblePersonalShare);
        }
    }

    /** The year as read: its sums and its version (0 = nothing counted yet). */
    public record Year(Usage sums, long version) {
    }

    private final ReactiveMongoTemplate mongo;

    public Accumulations(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Year> of(String idNumber, int year) {
        return mongo.findById(key(idNumber, year), Accumulation.class)
                .map(a -> new Year(a.usage(), a.version()))
                .defaultIfEmpty(new Year(Usage.ZERO, 0));
    }

    public Mono<Boolean> contains(String idNumber, int year, String key) {
        return mongo.exists(Query.query(Criteria.where("_id").is(key(idNumber, year)).and("applied").is(key)),
                Accumulation.class);
    }

    /**
     * Counts {@code used} under {@code key} if the year is still at {@code expectedVersion}. True when counted now or
     * before (the key is in the year); false when the year moved on (calculate again from the new year).
     */
    public Mono<Boolean> count(String idNumber, int year, long expectedVersion, String key, Usage used) {
        String id = key(idNumber, year);
        Update update = increments(used, 1).addToSet("applied", key)
                .setOnInsert("idNumber", idNumber).setOnInsert("year", year);
        Query atVersion = Query.query(Criteria.where("_id").is(id).and("version").is(expectedVersion).and("applied").ne(key));
        Mono<Long> write = expectedVersion == 0
                ? mongo.upsert(atVersion, update, Accumulation.class).map(r -> r.getMatchedCount() + (r.getUpsertedId() != null ? 1 : 0))
                : mongo.updateFirst(atVersion, update, Accumulation.class).map(r -> r.getMatchedCount());
        return write.onErrorResume(DuplicateKeyException.class, e -> Mono.just(0L))
                .flatMap(n -> n > 0 ? Mono.just(true) : contains(idNumber, year, key));
    }

    /**
     * Adds what another channel paid in the year (a manual reimbursement's order), once per {@code key}; the version
     * moves on, so that a settlement calculated from the year before it is calculated again.
     */
    public Mono<Void> add(String idNumber, int year, String key, Usage used) {
        String id = key(idNumber, year);
        Update update = increments(used, 1).addToSet("applied", key)
                .setOnInsert("idNumber", idNumber).setOnInsert("year", year);
        Query notYet = Query.query(Criteria.where("_id").is(id).and("applied").ne(key));
        return mongo.upsert(notYet, update, Accumulation.class)
                .onErrorResume(DuplicateKeyException.class, e -> contains(idNumber, year, key)
                        .flatMap(done -> done ? Mono.empty() : mongo.updateFirst(notYet, update, Accumulation.class)))
                .then();
    }

    /** Takes a counted settlement out of the year, once ({@code reverse:<key>}); the version moves on. */
    public Mono<Void> subtract(String idNumber, int year, String key, Usage used) {
        String reverseKey = "reverse:" + key;
        // two conditions on one field: as an $and
        Query notYet = Query.query(new Criteria().andOperator(Criteria.where("_id").is(key(idNumber, year)),
                Criteria.where("applied").is(key), Criteria.where("applied").ne(reverseKey)));
        return mongo.updateFirst(notYet, increments(negate(used), 1).addToSet("applied", reverseKey), Accumulation.class)
                .then();
    }

    private static Update increments(Usage u, long versionStep) {
        return new Update()
                .inc("deductiblePaid", u.deductiblePaid())
                .inc("basicFundPaid", u.basicFundPaid())
                .inc("outpatientFundPaid", u.outpatientFundPaid())
                .inc("chronicFundPaid", u.chronicFundPaid())
                .inc("criticalIllnessPaid", u.criticalIllnessPaid())
                .inc("assistancePaid", u.assistancePaid())
                .inc("eligiblePersonalShare", u.eligiblePersonalShare())
                .inc("version", versionStep);
    }

    private static Usage negate(Usage u) {
        return new Usage(-u.deductiblePaid(), -u.basicFundPaid(), -u.outpatientFundPaid(), -u.chronicFundPaid(),
                -u.criticalIllnessPaid(), -u.assistancePaid(), -u.eligiblePersonalShare());
    }

    static String key(String idNumber, int year) {
        return idNumber + ":" + year;
    }
}
