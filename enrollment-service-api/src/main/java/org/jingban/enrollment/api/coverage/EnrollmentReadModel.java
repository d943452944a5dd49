package org.jingban.enrollment.api.coverage;

import java.time.Duration;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jingban.enrollment.api.EnrollmentTopics;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.platform.messaging.ReadModels;
import org.jingban.platform.messaging.ReceivedEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.annotation.KafkaListener;
import reactor.core.publisher.Mono;

/**
 * Keeps {@link InsuredPerson} from enrollment-service's person events (its contract, enrollment-service-api). Each
 * event carries the whole person, so the newest replaces what was known; an older event arriving late (it cannot,
 * within one person's partition, but a replay could) is ignored by its time.
 *
 * <p>For the services that need to know who is insured where (offsite-filing-, reimbursement-, settlement-service):
 * a service takes it with {@code @Import(EnrollmentReadModel.class)}; it keeps collection {@code insured_persons} in
 * the service's own database, consumer group {@code <spring.application.name>-enrollment}
 * ({@code jingban.enrollment-read-model.group} to change it).
 */
public class EnrollmentReadModel {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Set<String> PERSON_EVENTS = Set.of(PersonEvents.ENROLLED, PersonEvents.CHANGED,
            PersonEvents.TRANSFER_SUSPENDED, PersonEvents.TRANSFER_IN_CREDITED);

    private final ReactiveMongoTemplate mongo;

    public EnrollmentReadModel(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @KafkaListener(containerGroup = ReadModels.CONTAINER_GROUP, topics = EnrollmentTopics.EVENTS, groupId = "${jingban.enrollment-read-model.group:${spring.application.name}-enrollment}")
    public void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.from(record);
        if (PERSON_EVENTS.contains(event.type())) {
            apply(event).block(TIMEOUT);
        }
    }

    /** Applies one person event: the person as it says, unless a newer event is known. */
    public Mono<InsuredPerson> apply(ReceivedEvent event) {
        PersonEvents.Person p = event.data(PersonEvents.Person.class);
        InsuredPerson view = new InsuredPerson(p.idNumber(), p.personId(), p.name(), p.insurances().stream()
                .map(i -> new InsuredPerson.Coverage(i.insuranceType(), i.regionCode(), i.category(), i.status(),
                        i.statusLabel(), i.periods()))
                .toList(), event.time());
        // one write: replace the person unless a newer event is known (then the upsert's insert meets the _id and
        // fails, and the newer picture stays); a redelivery of the same event replaces it with itself
        Query notNewer = Query.query(Criteria.where("_id").is(p.idNumber()).and("updatedAt").lte(event.time()));
        return mongo.findAndReplace(notNewer, view, FindAndReplaceOptions.options().upsert())
                .thenReturn(view)
                .onErrorResume(DuplicateKeyException.class, newerKnown -> Mono.just(view));
    }

    public Mono<InsuredPerson> byIdNumber(String idNumber) {
        return mongo.findById(idNumber, InsuredPerson.class);
    }
}
