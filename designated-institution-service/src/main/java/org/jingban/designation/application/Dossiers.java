package org.jingban.designation.application;

import java.util.function.Function;

import org.jingban.platform.cases.Reason;
import org.jingban.platform.messaging.WriteConflicts;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/** The store of {@link Dossier}s ({@code designation_dossiers}); indexes: 受理号 unique, 统一社会信用代码. */
@Component
public class Dossiers {

    /** What a step of the rules refused: 422 with every reason. */
    public static final String REFUSED = "不能办理：共%d项原因";

    private final ReactiveMongoTemplate mongo;

    public Dossiers(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> createIndexes() {
        var ops = mongo.indexOps(Dossier.class);
        return ops.createIndex(new Index().on("caseNumber", Sort.Direction.ASC).unique())
                .then(ops.createIndex(new Index().on("creditCode", Sort.Direction.ASC)))
                .then();
    }

    public Mono<Dossier> byCaseNumber(String caseNumber) {
        return mongo.findOne(Query.query(Criteria.where("caseNumber").is(caseNumber)), Dossier.class);
    }

    public Mono<Dossier> byId(String id) {
        return mongo.findById(id, Dossier.class);
    }

    /** The institution's dossiers, newest first. */
    public Flux<Dossier> ofCreditCode(String creditCode) {
        return mongo.find(Query.query(Criteria.where("creditCode").is(creditCode))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")), Dossier.class);
    }

    Mono<Dossier> insertOnce(Dossier d) {
        return mongo.insert(d).onErrorResume(DuplicateKeyException.class, e -> byId(d.getId()));
    }

    /** Load → rule (its reasons: 422, nothing saved) → save; again from a fresh load after a lost race. */
    Mono<Dossier> change(String id, Function<Dossier, List<Reason>> rule) {
        return Mono.defer(() -> byId(id).flatMap(d -> {
                    List<Reason> reasons = rule.apply(d);
                    return reasons.isEmpty() ? mongo.save(d) : Mono.error(refused(reasons));
                }))
                .retryWhen(WriteConflicts.retry());
    }

    static ProblemException refused(List<Reason> reasons) {
        return ProblemException.unprocessable(REFUSED.formatted(reasons.size()), reasons.stream()
                .map(r -> new Violation(r.field() == null ? "申请" : r.field(), r.code(), r.message())).toList());
    }
}
