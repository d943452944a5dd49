package org.jingban.transfer.enrollment;

import org.jingban.enrollment.api.AccountEvents;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.platform.messaging.InboxApplier;
import org.jingban.platform.messaging.ReceivedEvent;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Keeps {@link EnrolledPerson} from enrollment-service's person and account events, each applied once. */
@Service
public class EnrollmentReadModel {

    private final ReactiveMongoTemplate mongo;
    private final InboxApplier inbox;

    public EnrollmentReadModel(ReactiveMongoTemplate mongo, InboxApplier inbox) {
        this.mongo = mongo;
        this.inbox = inbox;
    }

    public Mono<EnrolledPerson> byIdNumber(String idNumber) {
        return mongo.findOne(Query.query(Criteria.where("idNumber").is(idNumber)), EnrolledPerson.class);
    }

    public Mono<EnrolledPerson> person(ReceivedEvent event) {
        PersonEvents.Person person = event.data(PersonEvents.Person.class);
        String id = person.personId() != null ? person.personId() : event.subject();
        return inbox.applyOnceOrCreate(EnrolledPerson.class, id, () -> EnrolledPerson.of(id), event,
                p -> p.apply(person, event.time()));
    }

    public Mono<EnrolledPerson> account(ReceivedEvent event) {
        AccountEvents.Posted posted = event.data(AccountEvents.Posted.class);
        String id = posted.personId() != null ? posted.personId() : posted.accountId();
        return inbox.applyOnceOrCreate(EnrolledPerson.class, id, () -> EnrolledPerson.of(id), event,
                p -> p.apply(posted, event.time()));
    }
}
