package org.jingban.notification.recipient;

import java.util.Set;

import org.jingban.enrollment.api.PersonEvents;
import org.jingban.platform.identifiers.MobileNumber;
import org.jingban.platform.messaging.ReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Keeps the contact book's mobiles from the people's own records: enrollment-service's person events carry the
 * whole person, with the 联系电话 given on the registration form (参保登记) and changed by 参保信息变更登记 or
 * 电话号码新增和更改 (松潘). The party id is the 证件号码, as in the case events' applicant. A 联系电话 that is a fixed
 * line means no SMS; an event without the field (a publisher older than it) changes nothing.
 */
public class ContactRecords {

    private static final Logger log = LoggerFactory.getLogger(ContactRecords.class);
    static final Set<String> PERSON_EVENTS = Set.of(PersonEvents.ENROLLED, PersonEvents.CHANGED,
            PersonEvents.TRANSFER_SUSPENDED, PersonEvents.TRANSFER_IN_CREDITED);

    private final ContactBook contacts;
    private final java.time.Clock clock;

    public ContactRecords(ContactBook contacts, java.time.Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    public Mono<Void> handle(ReceivedEvent event) {
        if (event.type() == null || !PERSON_EVENTS.contains(event.type())) {
            return Mono.empty();
        }
        PersonEvents.Person person = event.data(PersonEvents.Person.class);
        if (person == null || person.idNumber() == null || person.phone() == null) {
            return Mono.empty();
        }
        String phone = person.phone().strip();
        String mobile = MobileNumber.isValid(phone) ? phone : null;
        return contacts.recordMobile(person.idNumber(), mobile, event.time() != null ? event.time() : clock.instant())
                .doOnNext(changed -> {
                    if (changed) {
                        log.debug("联系人手机号已按参保登记更新: 事件 {}", event.id());
                    }
                })
                .then();
    }
}
