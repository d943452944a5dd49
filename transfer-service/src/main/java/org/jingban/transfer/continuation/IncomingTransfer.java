package org.jingban.transfer.continuation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jingban.enrollment.api.PersonEvents;
import org.jingban.enrollment.api.TransferHooks;
import org.jingban.platform.messaging.AggregateDocument;
import org.jingban.platform.messaging.OutboxEvent;
import org.jingban.transfer.api.TransferEvents;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The 转入地's side of 转移接续 (id = transfer id), next to its case: 《联系函》 sent, 《信息表》 and funds received and
 * verified, credit asked of enrollment-service, credited — or refused. Sheets whose seal fails are kept and flagged
 * for ops (运维核查), never credited.
 */
@Document("transfers")
public class IncomingTransfer extends AggregateDocument {

    public enum State { LETTER_SENT, AWAITING_CREDIT, CREDITED, REFUSED }

    @Indexed(unique = true)
    private String caseId;
    private String caseNumber;
    @Indexed
    private String idNumber;
    private String name;
    private String insuranceType;
    private String fromRegionCode;
    private String toRegionCode;
    private String category;
    private State state;
    private TransferEvents.ContactLetter letter;
    private TransferEvents.InfoSheet sheet;
    private List<Map<String, Object>> refusedSheets = new ArrayList<>();
    private List<String> opsFlags = new ArrayList<>();
    private List<String> refusal = List.of();
    private Instant updatedAt;

    /** 生成并发出《联系函》 when the case is accepted. */
    public static IncomingTransfer sendLetter(String transferId, String caseId, String caseNumber, String idNumber,
                                              String name, String insuranceType, String fromRegionCode, String toRegionCode,
                                              String category, List<PersonEvents.Period> receivingPeriods,
                                              Map<String, Object> letterContent, Instant at) {
        IncomingTransfer t = new IncomingTransfer();
        t.id = transferId;
        t.caseId = caseId;
        t.caseNumber = caseNumber;
        t.idNumber = idNumber;
        t.name = name;
        t.insuranceType = insuranceType;
        t.fromRegionCode = fromRegionCode;
        t.toRegionCode = toRegionCode;
        t.category = category;
        t.state = State.LETTER_SENT;
        t.letter = new TransferEvents.ContactLetter(transferId, caseNumber, idNumber, name, insuranceType, fromRegionCode,
                toRegionCode, receivingPeriods, letterContent);
        t.updatedAt = at;
        t.enqueue(OutboxEvent.of(TransferEvents.CONTACT_LETTER_ISSUED, transferId, toRegionCode, t.letter));
        return t;
    }

    /**
     * 收到《信息表》和转移资金. A sheet that failed verification is refused and flagged; a valid one is kept and the
     * periods and the funds moved are credited through enrollment-service, once.
     */
    public IncomingTransfer receiveSheet(TransferEvents.InfoSheet received, List<String> problems, Instant at) {
        if (state != State.LETTER_SENT) {
            return this;
        }
        updatedAt = at;
        if (!problems.isEmpty()) {
            refusedSheets.add(Map.of("receivedAt", at.toString(), "problems", List.copyOf(problems)));
            opsFlags.add("《信息表》验证未通过：" + String.join("；", problems));
            enqueue(OutboxEvent.of(TransferEvents.INFO_SHEET_REFUSED, id, toRegionCode,
                    new TransferEvents.Refusal(id, fromRegionCode, toRegionCode, problems)));
            return this;
        }
        sheet = received;
        state = State.AWAITING_CREDIT;
        enqueue(OutboxEvent.of(TransferHooks.CREDIT_REQUESTED, id, toRegionCode, new TransferHooks.CreditIn(id,
                idNumber, name, insuranceType, toRegionCode, fromRegionCode, InfoSheets.periods(received.sheet()),
                InfoSheets.fundsMoved(received.sheet()), category)));
        return this;
    }

    /**
     * Credited: 转入地办结, reported to the 转出地 (through the national platform when it is in another province) so that
     * its side — and its case, when the application was made there — ends too.
     */
    public IncomingTransfer credited(Instant at) {
        if (state == State.AWAITING_CREDIT) {
            state = State.CREDITED;
            updatedAt = at;
            Object months = sheet.sheet().get("参保缴费月数合计");
            enqueue(OutboxEvent.of(TransferEvents.TRANSFER_IN_COMPLETED, id, toRegionCode, new TransferEvents.Completion(id,
                    caseNumber, fromRegionCode, toRegionCode, months instanceof Number n ? n.longValue() : null,
                    InfoSheets.fundsMoved(sheet.sheet()), at)));
        }
        return this;
    }

    public IncomingTransfer refuse(List<String> reasons, Instant at) {
        if (state == State.LETTER_SENT || state == State.AWAITING_CREDIT) {
            if (state == State.AWAITING_CREDIT) {
                opsFlags.add("转入记账被拒绝：" + String.join("；", reasons));
            }
            state = State.REFUSED;
            refusal = List.copyOf(reasons);
            updatedAt = at;
        }
        return this;
    }

    public String getCaseId() { return caseId; }
    public String getCaseNumber() { return caseNumber; }
    public String getIdNumber() { return idNumber; }
    public String getName() { return name; }
    public String getInsuranceType() { return insuranceType; }
    public String getFromRegionCode() { return fromRegionCode; }
    public String getToRegionCode() { return toRegionCode; }
    public State getState() { return state; }
    public TransferEvents.ContactLetter getLetter() { return letter; }
    public TransferEvents.InfoSheet getSheet() { return sheet; }
    public List<Map<String, Object>> getRefusedSheets() { return List.copyOf(refusedSheets); }
    public List<String> getOpsFlags() { return List.copyOf(opsFlags); }
    public List<String> getRefusal() { return refusal; }
}
