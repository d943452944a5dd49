package org.jingban.platform.cases.persistence;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Human-readable case numbers (办件编号) such as {@code 620600-20261123-000042}: region, date of
 * application, and a per-region-per-day sequence. The sequence is one counter document per
 * region and day, incremented with an atomic {@code findAndModify $inc} (upsert), so concurrent
 * submissions never share a number. Numbers are not reused: a submission that fails after taking
 * a number leaves a gap, which is harmless.
 */
public class CaseNumberGenerator {

    public static final String COLLECTION = "case_number_counters";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final ReactiveMongoTemplate template;

    public CaseNumberGenerator(ReactiveMongoTemplate template) {
        this.template = template;
    }

    public Mono<String> next(String regionCode, LocalDate day) {
        String key = regionCode + "-" + day.format(DAY);
        Query query = Query.query(Criteria.where("_id").is(key));
        Update increment = new Update().inc("seq", 1L);
        return template.findAndModify(query, increment, FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Document.class, COLLECTION)
                // two first-of-the-day upserts may race on the new _id; the loser simply increments again
                .retryWhen(Retry.backoff(3, Duration.ofMillis(10)).filter(DuplicateKeyException.class::isInstance))
                .map(counter -> format(regionCode, day, ((Number) counter.get("seq")).longValue()));
    }

    static String format(String regionCode, LocalDate day, long sequence) {
        return "%s-%s-%06d".formatted(regionCode, day.format(DAY), sequence);
    }
}
