package org.jingban.reimbursement.claim;

import java.util.List;

import org.jingban.platform.benefits.Benefit;
import org.jingban.platform.benefits.YearToDate;
import org.jingban.platform.money.Money;
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
 * A person's year-to-date accumulations (起付线已付, 统筹基金, 门诊统筹, 门诊慢特病, 大病保险, 医疗救助, and the eligible costs the basic fund
 * left to the person, on which 大病保险's yearly deductible runs), per 证件号码 and
 * policy year, in whole fen: what the calculator needs to apply yearly deductibles and caps. Each payment (a
 * reimbursement's order, a direct settlement) is added once: its key is kept with the sums in the same write.
 */
@Component
public class Accumulations {

    @Document("accumulations")
    public record Accumulation(@Id String id, String idNumber, int year, long deductiblePaid, long basicFundPaid,
                               long outpatientFundPaid, long chronicFundPaid, long criticalIllnessPaid,
                               long assistancePaid, long eligiblePersonalShare, List<String> applied) {

        YearToDate yearToDate() {
            return new YearToDate(Money.ofFen(deductiblePaid), Money.ofFen(basicFundPaid), Money.ofFen(outpatientFundPaid),
                    Money.ofFen(chronicFundPaid), Money.ofFen(criticalIllnessPaid), Money.ofFen(assistancePaid),
                    Money.ofFen(eligiblePersonalShare));
        }
    }

    private final ReactiveMongoTemplate mongo;

    public Accumulations(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<YearToDate> of(String idNumber, int year) {
        return mongo.findById(key(idNumber, year), Accumulation.class).map(Accumulation::yearToDate)
                .defaultIfEmpty(YearToDate.ZERO);
    }

    /**
     * Adds what one payment used ({@code after − before} of the calculation) unless {@code paymentKey} was added
     * already. The condition and the sums are one atomic update; the first payment of a year inserts the document
     * (two first payments at once: one inserts, the other finds it and updates).
     */
    public Mono<Void> add(String idNumber, int year, String paymentKey, YearToDate used) {
        String id = key(idNumber, year);
        Update update = new Update()
                .inc("deductiblePaid", used.deductiblePaid().fen())
                .inc("basicFundPaid", used.basicFundPaid().fen())
                .inc("outpatientFundPaid", used.outpatientFundPaid().fen())
                .inc("chronicFundPaid", used.chronicFundPaid().fen())
                .inc("criticalIllnessPaid", used.criticalIllnessPaid().fen())
                .inc("assistancePaid", used.assistancePaid().fen())
                .inc("eligiblePersonalShare", used.eligiblePersonalShare().fen())
                .addToSet("applied", paymentKey)
                .setOnInsert("idNumber", idNumber)
                .setOnInsert("year", year);
        Query notYet = Query.query(Criteria.where("_id").is(id).and("applied").ne(paymentKey));
        return mongo.upsert(notYet, update, Accumulation.class)
                .onErrorResume(DuplicateKeyException.class, e -> mongo.exists(Query.query(Criteria.where("_id").is(id)
                                .and("applied").is(paymentKey)), Accumulation.class)
                        .flatMap(done -> done ? Mono.empty() : mongo.updateFirst(notYet, update, Accumulation.class)))
                .then();
    }

    /** What a calculation added to the year: its {@code after} less the year-to-date it started from. */
    public static YearToDate used(YearToDate before, Benefit benefit) {
        YearToDate after = benefit.after();
        return new YearToDate(after.deductiblePaid().minus(before.deductiblePaid()),
                after.basicFundPaid().minus(before.basicFundPaid()),
                after.outpatientFundPaid().minus(before.outpatientFundPaid()),
                after.chronicFundPaid().minus(before.chronicFundPaid()),
                after.criticalIllnessPaid().minus(before.criticalIllnessPaid()),
                after.assistancePaid().minus(before.assistancePaid()),
                after.eligiblePersonalShare().minus(before.eligiblePersonalShare()));
    }

    /** The same amounts taken out (a reversed settlement). */
    public static YearToDate negate(YearToDate y) {
        return new YearToDate(y.deductiblePaid().negate(), y.basicFundPaid().negate(), y.outpatientFundPaid().negate(),
                y.chronicFundPaid().negate(), y.criticalIllnessPaid().negate(), y.assistancePaid().negate(),
                y.eligiblePersonalShare().negate());
    }

    private static String key(String idNumber, int year) {
        return idNumber + ":" + year;
    }
}
