package org.jingban.notification.recipient;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jingban.designation.api.AgreementEvents;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.enrollment.api.UnitEvents;
import org.jingban.platform.identifiers.MobileNumber;
import org.jingban.platform.messaging.ReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the contact book's mobiles from the parties' own records, under the party ids of the case events'
 * applicant:
 * <ul>
 *   <li>persons: enrollment-service's person events ({@link PersonEvents.Person#phone()}: the 联系电话 of 参保登记,
 *       changed by 参保信息变更登记 or 电话号码新增和更改 (松潘)), by 证件号码;</li>
 *   <li>units: enrollment-service's unit events ({@link UnitEvents.Unit#contactPhone()}: the 单位经办人员's phone of
 *       单位参保登记, changed by 单位参保信息变更登记), by 统一社会信用代码;</li>
 *   <li>institutions: designated-institution-service's agreement events ({@link AgreementEvents.Agreement#contactPhone()}:
 *       the 联系人手机号 of 表14/表15, changed by 定点医药机构信息变更), by 定点医药机构编码 and by 统一社会信用代码 (the
 *       institution's id in its tokens and cases before it was designated).</li>
 * </ul>
 * The same rules for all: the newest event wins (an older one arriving late changes nothing), a phone that is a
 * fixed line means no SMS, an event without the field (a publisher older than it) changes nothing.
 */
public class ContactRecords {

    private static final Logger log = LoggerFactory.getLogger(ContactRecords.class);
    static final Set<String> PERSON_EVENTS = Set.of(PersonEvents.ENROLLED, PersonEvents.CHANGED,
            PersonEvents.TRANSFER_SUSPENDED, PersonEvents.TRANSFER_IN_CREDITED);
    static final Set<String> UNIT_EVENTS = Set.of(UnitEvents.REGISTERED, UnitEvents.CHANGED);
    static final Set<String> AGREEMENT_EVENTS = Set.copyOf(AgreementEvents.TYPES);

    private final ContactBook contacts;
    private final java.time.Clock clock;

    public ContactRecords(ContactBook contacts, java.time.Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    public Mono<Void> handle(ReceivedEvent event) {
        String type = event.type();
        if (type == null) {
            return Mono.empty();
        }
        if (PERSON_EVENTS.contains(type)) {
            PersonEvents.Person person = event.data(PersonEvents.Person.class);
            return person == null ? Mono.empty() : record(event, person.phone(), RecipientContact.FROM_RECORDS, person.idNumber());
        }
        if (UNIT_EVENTS.contains(type)) {
            UnitEvents.Unit unit = event.data(UnitEvents.Unit.class);
            return unit == null ? Mono.empty() : record(event, unit.contactPhone(), RecipientContact.FROM_UNIT_RECORDS, unit.uscc());
        }
        if (AGREEMENT_EVENTS.contains(type)) {
            AgreementEvents.Agreement agreement = event.data(AgreementEvents.Agreement.class);
            return agreement == null ? Mono.empty() : record(event, agreement.contactPhone(), RecipientContact.FROM_AGREEMENT,
                    agreement.institutionCode(), agreement.creditCode());
        }
        return Mono.empty();
    }

    /** The phone of the records as the mobile of each of the party's ids (a fixed line: no mobile). */
    private Mono<Void> record(ReceivedEvent event, String phone, String source, String... partyIds) {
        if (phone == null) {
            return Mono.empty();
        }
        String stripped = phone.strip();
        String mobile = MobileNumber.isValid(stripped) ? stripped : null;
        Instant at = event.time() != null ? event.time() : clock.instant();
        Set<String> ids = new LinkedHashSet<>();
        for (String id : partyIds) {
            if (id != null && !id.isBlank()) {
                ids.add(id.strip());
            }
        }
        return Flux.fromIterable(ids)
                .concatMap(id -> contacts.recordMobile(id, mobile, at, source))
                .reduce(false, (any, changed) -> any || changed)
                .filter(changed -> changed)
                .doOnNext(changed -> log.debug("联系人手机号已按{}更新: 事件 {}", source, event.id()))
                .then();
    }
}
