package org.jingban.transfer.enrollment;

import org.jingban.enrollment.api.AccountEvents;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.enrollment.api.UnitEvents;
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

    /** A unit's registration or change: who its agents are (by 统一社会信用代码) for the person's unit. */
    public Mono<KnownUnit> unit(ReceivedEvent event) {
        UnitEvents.Unit unit = event.data(UnitEvents.Unit.class);
        String id = unit.unitId() != null ? unit.unitId() : event.subject();
        return mongo.save(new KnownUnit(id, unit.uscc(), unit.name(), unit.regionCode(), event.time()));
    }

    public Mono<KnownUnit> unitById(String unitId) {
        return mongo.findById(unitId, KnownUnit.class);
    }

    public Mono<EnrolledPerson> account(ReceivedEvent event) {
        AccountEvents.Posted posted = event.data(AccountEvents.Posted.class);
        String id = posted.personId() != null ? posted.personId() : posted.accountId();
        return inbox.applyOnceOrCreate(EnrolledPerson.class, id, () -> EnrolledPerson.of(id), event,
                p -> p.apply(posted, event.time()));
    }
}
