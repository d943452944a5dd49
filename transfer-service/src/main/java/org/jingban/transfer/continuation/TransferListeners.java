package org.jingban.transfer.continuation;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jingban.enrollment.api.AccountEvents;
import org.jingban.enrollment.api.EnrollmentTopics;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.enrollment.api.UnitEvents;
import org.jingban.enrollment.api.TransferHooks;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.messaging.ReadModels;
import org.jingban.transfer.TransferProperties;
import org.jingban.transfer.api.TransferEvents;
import org.jingban.transfer.enrollment.EnrollmentReadModel;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Drives 转移接续 by the events that are not its cases' own (those are {@code @CaseReaction}s, see
 * {@link ReceivingOffice#sendLetter}): on this service's topic the 《联系函》, the 《信息表》, the 转出地's refusal and
 * 转入地办结 between two offices this system serves; on enrollment-service's topic the read model, the release, the credit and
 * the refused hooks. Events for a region of another province are the national adapter's.
 */
@Component
public class TransferListeners {

    private final EventRoutes own;
    private final EventRoutes fromEnrollment;

    public TransferListeners(ReceivingOffice receiving, SendingOffice sending, EnrollmentReadModel enrollment,
                             TransferProperties properties) {
        own = new EventRoutes()
                .on(TransferEvents.CONTACT_LETTER_ISSUED, TransferEvents.ContactLetter.class, (event, letter) ->
                        properties.serves(letter.fromRegionCode()) ? sending.onLetter(event, letter) : Mono.empty())
                .on(TransferEvents.INFO_SHEET_ISSUED, TransferEvents.InfoSheet.class, (event, sheet) ->
                        properties.serves(sheet.toRegionCode()) ? receiving.onInfoSheet(event, sheet) : Mono.empty())
                .on(TransferEvents.TRANSFER_OUT_REFUSED, TransferEvents.Refusal.class, (event, refusal) ->
                        properties.serves(refusal.toRegionCode())
                                ? receiving.onRefused(event, refusal.transferId(), refusal.reasons()) : Mono.empty())
                .on(TransferEvents.TRANSFER_IN_COMPLETED, TransferEvents.Completion.class, (event, completion) ->
                        properties.serves(completion.fromRegionCode())
                                ? sending.onTransferInCompleted(event, completion) : Mono.empty());
        fromEnrollment = new EventRoutes()
                .on(PersonEvents.ENROLLED, enrollment::person)
                .on(PersonEvents.CHANGED, enrollment::person)
                .on(PersonEvents.TRANSFER_SUSPENDED, enrollment::person)
                .on(PersonEvents.TRANSFER_IN_CREDITED, PersonEvents.Person.class, (event, person) ->
                        enrollment.person(event).then(receiving.onCredited(event, person)))
                .on(UnitEvents.REGISTERED, enrollment::unit)
                .on(UnitEvents.CHANGED, enrollment::unit)
                .on(AccountEvents.CREDITED, enrollment::account)
                .on(AccountEvents.DEBITED, enrollment::account)
                .on(PersonEvents.RECORD_RELEASED, TransferHooks.InsuranceRecord.class, sending::onReleased)
                .on(TransferHooks.REFUSED, TransferHooks.Refused.class, (event, refused) -> {
                    List<String> reasons = refused.reasons() == null ? List.of("转移接续被拒绝")
                            : refused.reasons().stream().map(Reason::message).toList();
                    if (TransferHooks.RELEASE_REQUESTED.equals(refused.commandType())) {
                        return sending.onRefused(event, refused.transferId(), reasons);
                    }
                    return TransferHooks.CREDIT_REQUESTED.equals(refused.commandType())
                            ? receiving.onRefused(event, refused.transferId(), reasons) : Mono.empty();
                });
    }

    @KafkaListener(topics = "${jingban.messaging.topic}", groupId = "${jingban.transfer.group-prefix:transfer}-process")
    public void onOwn(ConsumerRecord<String, String> record) {
        own.handle(record);
    }

    @KafkaListener(containerGroup = ReadModels.CONTAINER_GROUP, topics = EnrollmentTopics.EVENTS, groupId = "${jingban.transfer.group-prefix:transfer}-enrollment")
    public void onEnrollment(ConsumerRecord<String, String> record) {
        fromEnrollment.handle(record);
    }
}
