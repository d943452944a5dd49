package org.jingban.settlement.coverage;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jingban.designation.api.AgreementEvents;
import org.jingban.designation.api.DesignationTopics;
import org.jingban.platform.messaging.ReadModels;
import org.jingban.platform.messaging.ReceivedEvent;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the newest {@link AgreementEvents.Agreement} per institution from designated-institution-service's events.
 * Events of one agreement come in order (keyed by its id); an older event replayed later is ignored by its time.
 */
@Component
public class AgreementReadModel {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;

    public AgreementReadModel(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> createIndexes() {
        return mongo.indexOps(KnownAgreement.class)
                .createIndex(new Index().on("creditCode", Sort.Direction.ASC).named("creditCode")).then();
    }

    @KafkaListener(containerGroup = ReadModels.CONTAINER_GROUP, topics = DesignationTopics.EVENTS, groupId = "${spring.application.name}-designation")
    public void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.from(record);
        if (AgreementEvents.TYPES.contains(event.type())) {
            AgreementEvents.Agreement a = event.data(AgreementEvents.Agreement.class);
            Instant at = event.time() == null ? Instant.now() : event.time();
            Query newer = Query.query(Criteria.where("_id").is(a.institutionCode()).and("updatedAt").gt(at));
            mongo.exists(newer, KnownAgreement.class)
                    .flatMap(known -> known ? Mono.empty()
                            : mongo.save(new KnownAgreement(a.institutionCode(), a.creditCode(), a, at)))
                    .block(TIMEOUT);
        }
    }

    /** The agreement of the institution a token names, by 定点医药机构编码 or else by 统一社会信用代码. */
    public Mono<AgreementEvents.Agreement> of(String institution) {
        if (institution == null) {
            return Mono.empty();
        }
        return mongo.findById(institution, KnownAgreement.class)
                .switchIfEmpty(Mono.defer(() -> mongo.findOne(Query.query(Criteria.where("creditCode").is(institution))
                        .with(Sort.by(Sort.Direction.DESC, "updatedAt")), KnownAgreement.class)))
                .map(KnownAgreement::agreement);
    }
}
