package org.jingban.settlement.coverage;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jingban.platform.cases.Case;
import org.jingban.platform.messaging.ReadModels;
import org.jingban.platform.messaging.ReceivedEvent;
import org.jingban.reimbursement.api.EntitlementEvents;
import org.jingban.reimbursement.api.ReimbursementTopics;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Keeps {@link KnownEntitlement} from reimbursement-service's entitlement events (reimbursement-service-api). */
@Component
public class EntitlementReadModel {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Set<String> TYPES = Set.of(EntitlementEvents.GRANTED, EntitlementEvents.CHANGED,
            EntitlementEvents.ENDED);

    private final ReactiveMongoTemplate mongo;

    public EntitlementReadModel(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @KafkaListener(containerGroup = ReadModels.CONTAINER_GROUP, topics = ReimbursementTopics.EVENTS, groupId = "${spring.application.name}-entitlements")
    public void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.from(record);
        if (TYPES.contains(event.type())) {
            EntitlementEvents.Entitlement e = event.data(EntitlementEvents.Entitlement.class);
            LocalDate ended = "ACTIVE".equals(e.status()) ? null : LocalDate.ofInstant(event.time() == null ? java.time.Instant.now() : event.time(), Case.ZONE);
            mongo.save(new KnownEntitlement(e.entitlementNumber(), e.idNumber(), e.regionCode(), e.diseaseCode(),
                    e.diseaseName(), e.crossProvince(), e.institutionCode(), e.validFrom(), e.validUntil(), e.status(),
                    ended)).block(TIMEOUT);
        }
    }

    /** The person's entitlements for the disease that cover {@code day}. */
    public Flux<KnownEntitlement> on(String idNumber, String diseaseCode, LocalDate day) {
        return mongo.find(Query.query(Criteria.where("idNumber").is(idNumber).and("diseaseCode").is(diseaseCode)),
                KnownEntitlement.class).filter(e -> e.coversOn(day));
    }
}
