package org.jingban.transfer.transfer;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jingban.enrollment.api.AccountEvents;
import org.jingban.enrollment.api.EnrollmentTopics;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.enrollment.api.TransferHooks;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.messaging.ReceivedEvent;
import org.jingban.transfer.TransferProperties;
import org.jingban.transfer.api.TransferEvents;
import org.jingban.transfer.enrollment.EnrollmentReadModel;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Drives 转移接续 by events: this service's own topic (case events of 622036003002, 《联系函》, 《信息表》, refusals
 * between two offices this system serves) and enrollment-service's topic (read model, release, credit, refusals).
 * Events for a region of another province are the national adapter's.
 */
@Component
public class TransferListeners {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ReceivingOffice receiving;
    private final SendingOffice sending;
    private final EnrollmentReadModel enrollment;
    private final TransferProperties properties;

    public TransferListeners(ReceivingOffice receiving, SendingOffice sending, EnrollmentReadModel enrollment,
                             TransferProperties properties) {
        this.receiving = receiving;
        this.sending = sending;
        this.enrollment = enrollment;
        this.properties = properties;
    }

    record CaseRef(String caseId, String itemCode) {
    }

    @KafkaListener(topics = "${jingban.messaging.topic}", groupId = "${jingban.transfer.group-prefix:transfer}-process")
    public void onOwn(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.from(record);
        Mono<?> work = switch (event.type()) {
            case "jingban.case.accepted.v1" -> {
                CaseRef ref = event.data(CaseRef.class);
                yield TransferStages.ITEM_CODE.equals(ref.itemCode()) ? receiving.onAccepted(event, ref.caseId()) : null;
            }
            case TransferEvents.CONTACT_LETTER_ISSUED -> {
                TransferEvents.ContactLetter letter = event.data(TransferEvents.ContactLetter.class);
                yield properties.serves(letter.fromRegionCode()) ? sending.onLetter(event, letter) : null;
            }
            case TransferEvents.INFO_SHEET_ISSUED -> {
                TransferEvents.InfoSheet sheet = event.data(TransferEvents.InfoSheet.class);
                yield properties.serves(sheet.toRegionCode()) ? receiving.onInfoSheet(event, sheet) : null;
            }
            case TransferEvents.TRANSFER_OUT_REFUSED -> {
                TransferEvents.Refusal refusal = event.data(TransferEvents.Refusal.class);
                yield properties.serves(refusal.toRegionCode())
                        ? receiving.onRefused(event, refusal.transferId(), refusal.reasons()) : null;
            }
            default -> null;
        };
        if (work != null) {
            work.block(TIMEOUT);
        }
    }

    @KafkaListener(topics = EnrollmentTopics.EVENTS, groupId = "${jingban.transfer.group-prefix:transfer}-enrollment")
    public void onEnrollment(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.from(record);
        Mono<?> work = switch (event.type()) {
            case PersonEvents.ENROLLED, PersonEvents.CHANGED, PersonEvents.TRANSFER_SUSPENDED -> enrollment.person(event);
            case PersonEvents.TRANSFER_IN_CREDITED -> enrollment.person(event)
                    .then(receiving.onCredited(event, event.data(PersonEvents.Person.class)));
            case AccountEvents.CREDITED, AccountEvents.DEBITED -> enrollment.account(event);
            case PersonEvents.RECORD_RELEASED -> sending.onReleased(event,
                    event.data(TransferHooks.InsuranceRecord.class));
            case TransferHooks.REFUSED -> {
                TransferHooks.Refused refused = event.data(TransferHooks.Refused.class);
                List<String> reasons = refused.reasons() == null ? List.of("转移接续被拒绝")
                        : refused.reasons().stream().map(Reason::message).toList();
                if (TransferHooks.RELEASE_REQUESTED.equals(refused.commandType())) {
                    yield sending.onRefused(event, refused.transferId(), reasons);
                }
                if (TransferHooks.CREDIT_REQUESTED.equals(refused.commandType())) {
                    yield receiving.onRefused(event, refused.transferId(), reasons);
                }
                yield null;
            }
            default -> null;
        };
        if (work != null) {
            work.block(TIMEOUT);
        }
    }
}
