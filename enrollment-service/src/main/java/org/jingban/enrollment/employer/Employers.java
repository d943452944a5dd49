package org.jingban.enrollment.employer;

import org.jingban.platform.web.problem.ProblemException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The unit register (参保单位, collection {@code employers}). */
@Component
public class Employers {

    private final ReactiveMongoTemplate template;

    public Employers(ReactiveMongoTemplate template) {
        this.template = template;
    }

    /** @throws ProblemException (as the Mono's error) 404 when the unit is not registered */
    public Mono<Employer> find(String unitId) {
        return template.findById(unitId, Employer.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("参保单位不存在")));
    }

    /** By 统一社会信用代码 or 单位编码 (the unit id), as 表2/表4/表5 name the unit; empty when not registered. */
    public Mono<Employer> findByCode(String code) {
        return template.findOne(new Query(new Criteria().orOperator(Criteria.where("uscc").is(code),
                Criteria.where("_id").is(code))), Employer.class);
    }

    Mono<Employer> insert(Employer employer) {
        return template.insert(employer);
    }

    Mono<Employer> save(Employer employer) {
        return template.save(employer);
    }
}
