package org.jingban.transfer.continuation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jingban.enrollment.api.TransferHooks;
import org.jingban.platform.cases.Case;
import org.jingban.platform.messaging.InboxApplier;
import org.jingban.platform.messaging.ReceivedEvent;
import org.jingban.transfer.Offices;
import org.jingban.transfer.api.TransferEvents;
import org.jingban.platform.signing.OfficeKeys;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The 转出地 office's machine work: on the 《联系函》 it asks enrollment-service to release the record and balance; on
 * the release it builds 表10, seals it and publishes it with the fund transfer; on a refusal it answers the 转入地.
 */
@Service
public class SendingOffice {

    private final ReactiveMongoTemplate mongo;
    private final InboxApplier inbox;
    private final OfficeKeys keys;
    private final Offices offices;
    private final Clock clock;

    public SendingOffice(ReactiveMongoTemplate mongo, InboxApplier inbox, OfficeKeys keys, Offices offices, Clock clock) {
        this.mongo = mongo;
        this.inbox = inbox;
        this.keys = keys;
        this.offices = offices;
        this.clock = clock;
    }

    public Mono<TransferOut> onLetter(ReceivedEvent event, TransferEvents.ContactLetter letter) {
        return inbox.applyOnceOrCreate(TransferOut.class, letter.transferId(), () -> TransferOut.of(letter.transferId()),
                event, t -> t.receive(letter, clock.instant()));
    }

    public Mono<Void> onReleased(ReceivedEvent event, TransferHooks.InsuranceRecord record) {
        return mongo.findById(record.transferId(), TransferOut.class)
                .filter(t -> t.getState() == TransferOut.State.RELEASE_REQUESTED)
                .flatMap(t -> {
                    var sheet = InfoSheets.build(record, t.getLetter(), offices, LocalDate.now(clock.withZone(Case.ZONE)));
                    return keys.seal(t.getLetter().fromRegionCode(), sheet).flatMap(seal -> inbox.applyOnce(TransferOut.class,
                            t.getId(), event, x -> x.issue(sheet, seal, record, clock.instant())));
                }).then();
    }

    public Mono<Void> onRefused(ReceivedEvent event, String transferId, List<String> reasons) {
        return mongo.findById(transferId, TransferOut.class)
                .flatMap(t -> inbox.applyOnce(TransferOut.class, t.getId(), event, x -> x.refuse(reasons, clock.instant())))
                .then();
    }
}
