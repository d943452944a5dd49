package org.jingban.transfer.continuation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jingban.enrollment.api.TransferHooks;
import org.jingban.platform.messaging.AggregateDocument;
import org.jingban.platform.messaging.OutboxEvent;
import org.jingban.platform.signing.ElectronicSeal;
import org.jingban.transfer.api.TransferEvents;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The 转出地's side of a transfer (id = transfer id): the 《联系函》 received, the release asked of enrollment-service,
 * then the sealed 《信息表》 with the fund transfer, or the refusal.
 */
@Document("transfers_out")
public class TransferOut extends AggregateDocument {

    public enum State { RELEASE_REQUESTED, SHEET_ISSUED, REFUSED }

    private TransferEvents.ContactLetter letter;
    private State state;
    private TransferEvents.InfoSheet issued;
    private List<String> refusal;
    private Instant updatedAt;

    public static TransferOut of(String transferId) {
        TransferOut t = new TransferOut();
        t.id = transferId;
        return t;
    }

    /** 收到《联系函》: asks enrollment-service to release the record and the balance (once). */
    public TransferOut receive(TransferEvents.ContactLetter received, Instant at) {
        if (letter != null) {
            return this;
        }
        letter = received;
        state = State.RELEASE_REQUESTED;
        updatedAt = at;
        enqueue(OutboxEvent.of(TransferHooks.RELEASE_REQUESTED, id, received.fromRegionCode(),
                new TransferHooks.Release(id, received.idNumber(), received.insuranceType(), received.fromRegionCode())));
        return this;
    }

    /** Released: publishes the sealed 《信息表》 and the fund transfer of the amount actually debited. */
    public TransferOut issue(Map<String, Object> sheet, ElectronicSeal seal, TransferHooks.InsuranceRecord record,
                             Instant at) {
        if (state != State.RELEASE_REQUESTED) {
            return this;
        }
        state = State.SHEET_ISSUED;
        updatedAt = at;
        issued = new TransferEvents.InfoSheet(id, letter.fromRegionCode(), letter.toRegionCode(), sheet, seal,
                new TransferEvents.FundTransfer(InfoSheets.fundsMoved(sheet), letter.fromRegionCode(), letter.toRegionCode(),
                        record.accountEntryId()));
        enqueue(OutboxEvent.of(TransferEvents.INFO_SHEET_ISSUED, id, letter.fromRegionCode(), issued));
        return this;
    }

    public TransferOut refuse(List<String> reasons, Instant at) {
        if (state != State.RELEASE_REQUESTED) {
            return this;
        }
        state = State.REFUSED;
        refusal = List.copyOf(reasons);
        updatedAt = at;
        enqueue(OutboxEvent.of(TransferEvents.TRANSFER_OUT_REFUSED, id, letter.fromRegionCode(),
                new TransferEvents.Refusal(id, letter.fromRegionCode(), letter.toRegionCode(), refusal)));
        return this;
    }

    public TransferEvents.ContactLetter getLetter() { return letter; }
    public State getState() { return state; }
    public TransferEvents.InfoSheet getIssued() { return issued; }
    public List<String> getRefusal() { return refusal; }
}
