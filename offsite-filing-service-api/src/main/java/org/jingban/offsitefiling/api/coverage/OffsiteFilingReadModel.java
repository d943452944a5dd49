package org.jingban.offsitefiling.api.coverage;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jingban.offsitefiling.api.FilingEvents;
import org.jingban.offsitefiling.api.OffsiteFilingTopics;
import org.jingban.platform.cases.Case;
import org.jingban.platform.messaging.ReadModels;
import org.jingban.platform.messaging.ReceivedEvent;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.annotation.KafkaListener;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps {@link KnownFiling} from offsite-filing-service's filing events (offsite-filing-service-api). Each event
 * carries the whole filing; the end of one that stopped covering (取消, 变更, 过期) is the day of that event.
 *
 * <p>For the services that need to know whether a visit off-site was filed (reimbursement-, settlement-service): a
 * service takes it with {@code @Import(OffsiteFilingReadModel.class)}; collection {@code known_filings} in the service's
 * own database, consumer group {@code <spring.application.name>-offsite-filing}.
 */
public class OffsiteFilingReadModel {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Set<String> TYPES = Set.of(FilingEvents.REGISTERED, FilingEvents.CHANGED,
            FilingEvents.CANCELLED, FilingEvents.EXPIRED);

    private final ReactiveMongoTemplate mongo;

    public OffsiteFilingReadModel(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @KafkaListener(containerGroup = ReadModels.CONTAINER_GROUP, topics = OffsiteFilingTopics.EVENTS, groupId = "${spring.application.name}-offsite-filing")
    public void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.from(record);
        if (TYPES.contains(event.type())) {
            apply(event).block(TIMEOUT);
        }
    }

    Mono<KnownFiling> apply(ReceivedEvent event) {
        FilingEvents.Filing f = event.data(FilingEvents.Filing.class);
        LocalDate ended = "ACTIVE".equals(f.status()) ? null : LocalDate.ofInstant(event.time() == null ? java.time.Instant.now() : event.time(), Case.ZONE);
        return mongo.save(new KnownFiling(f.filingNumber(), f.idNumber(), f.insuredRegionCode(), f.destinationCode(),
                f.validFrom(), f.validUntil(), f.status(), ended));
    }

    public Flux<KnownFiling> ofPerson(String idNumber) {
        return mongo.find(Query.query(Criteria.where("idNumber").is(idNumber)), KnownFiling.class);
    }

    /** Whether one of the person's filings covers a visit in {@code visitRegion} on {@code day}. */
    public Mono<Boolean> covers(String idNumber, String visitRegion, LocalDate day) {
        return ofPerson(idNumber).any(f -> f.covers(visitRegion, day));
    }
}
