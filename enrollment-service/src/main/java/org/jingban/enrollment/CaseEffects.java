package org.jingban.enrollment;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jingban.enrollment.employer.EmployerService;
import org.jingban.enrollment.person.PersonService;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.messaging.ReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What a case of this service changes once it is 办结 (or reaches 拨付): the kernel's case events travel on this
 * service's own topic, and this listener applies the item's effect, once per case (each aggregate keeps the case id
 * in its inbox). Instant items apply their effect in the request already; the event then changes nothing. Cases
 * completed by staff through the generic case endpoints take effect here.
 */
@Component
public class CaseEffects {

    private static final Logger log = LoggerFactory.getLogger(CaseEffects.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final CaseService cases;
    private final EmployerService employers;
    private final PersonService persons;
    private final java.util.List<ItemEffect> more;

    public CaseEffects(CaseService cases, EmployerService employers, PersonService persons,
                       java.util.List<ItemEffect> more) {
        this.cases = cases;
        this.employers = employers;
        this.persons = persons;
        this.more = more;
    }

    /** An item package's reaction to its cases' events (e.g. 一次性支取 pays at 拨付). */
    public interface ItemEffect {
        /** Whether this effect handles the item. */
        boolean handles(String itemCode);

        /** Called for every case event of the item; returns when applied. */
        Mono<?> on(String eventType, CaseRef event, Case c);
    }

    /** The fields of {@code CaseEventData} this listener needs. */
    public record CaseRef(String caseId, String itemCode, String stage, String status) {
    }

    @KafkaListener(topics = "${jingban.messaging.topic}", groupId = "enrollment-case-effects")
    public void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.from(record);
        if (!event.type().startsWith("jingban.case.")) {
            return;
        }
        CaseRef ref = event.data(CaseRef.class);
        if (ref.caseId() == null || ref.itemCode() == null) {
            return;
        }
        Mono<?> effect = effect(event.type(), ref);
        if (effect != null) {
            effect.block(TIMEOUT);
        }
    }

    private Mono<?> effect(String type, CaseRef ref) {
        for (ItemEffect e : more) {
            if (e.handles(ref.itemCode())) {
                return cases.find(ref.caseId()).flatMap(c -> e.on(type, ref, c));
            }
        }
        if (!CaseEvents.COMPLETED.equals(type)) {
            return null;
        }
        return switch (ref.itemCode()) {
            case EmployerService.REGISTRATION -> cases.find(ref.caseId()).flatMap(employers::applyRegistration);
            case EmployerService.CHANGE -> cases.find(ref.caseId()).flatMap(employers::applyChange);
            case PersonService.EMPLOYEES -> cases.find(ref.caseId()).flatMapMany(persons::applyEmployees).then();
            case PersonService.RESIDENTS -> cases.find(ref.caseId()).flatMap(persons::applyResident);
            case PersonService.EMPLOYEE_CHANGE, PersonService.RESIDENT_CHANGE ->
                    cases.find(ref.caseId()).flatMap(persons::applyInformationChange);
            default -> {
                log.debug("case event {} of item {}: nothing to apply", type, ref.itemCode());
                yield null;
            }
        };
    }
}
