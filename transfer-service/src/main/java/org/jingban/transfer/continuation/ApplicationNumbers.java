package org.jingban.transfer.continuation;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * 表9's 编号, (省份)(统筹地区)(年份)(第XXXX号) of the 转入地: one counter document per region and year
 * ({@code transfer_application_numbers}, {@code _id} {@code <region>:<year>}), incremented atomically, so two
 * applications never share a number. A number taken by an application that was then refused stays with that refused
 * case (不予受理 cases are kept), so the sequence has no gaps a reader could not explain.
 */
@Component
public class ApplicationNumbers {

    static final String COLLECTION = "transfer_application_numbers";

    private final ReactiveMongoTemplate mongo;

    public ApplicationNumbers(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Long> next(String regionCode, int year) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(regionCode + ":" + year)),
                        new Update().inc("sequence", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Document.class, COLLECTION)
                .map(d -> ((Number) d.get("sequence")).longValue());
    }
}
