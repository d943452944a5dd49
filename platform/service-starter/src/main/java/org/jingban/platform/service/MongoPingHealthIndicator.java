package org.jingban.platform.service;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * MongoDB health by {@code ping}. Boot's own indicator sends {@code hello}, which the embedded
 * MongoDB-wire store of the local stack does not implement (STACK.md); {@code ping} works on both
 * it and a real MongoDB.
 */
public class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    public MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        super("MongoDB 健康检查失败");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.getMongoDatabase()
                .flatMap(db -> mongo.executeCommand(new Document("ping", 1))
                        .map(answer -> builder.up().withDetail("database", db.getName()).build()));
    }
}
