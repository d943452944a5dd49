package org.jingban.transfer.continuation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jingban.enrollment.api.TransferHooks;
import org.jingban.platform.messaging.AggregateDocument;
import org.jingban.platform.messaging.OutboxEvent;
import org.jingban.platform.signing.ElectronicSeal;
import org.jingban.transfer.api.TransferEvents;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The 转出地's side of a transfer (id = transfer id): the 《联系函》 received, the release asked of enrollment-service,
 * then the sealed 《信息表》 with the fund transfer, or the refusal; 转入地办结 reported back ends it.
 *
 * <p>When the application was made at the 转出地 for a 转入地 in another province (seed 002 §十一(十四): "向转入地或转出地
 * 医疗保障经办机构申请"), the transfer starts earlier, at the 转出地's 受理: the application is handed to the 转入地
 * ({@link #forward}), which answers with its 《联系函》 (the transfer then runs as any other) or a refusal
 * ({@link #refuseApplication}); the 转出地's case ({@link #getCaseId()}) follows each step.
 */
@Document("transfers_out")
public class TransferOut extends AggregateDocument {

    public enum State { FORWARDED, RELEASE_REQUESTED, SHEET_ISSUED, COMPLETED, REFUSED }

    private TransferEvents.ContactLetter letter;
    private State state;
    private TransferEvents.InfoSheet issued;
    private List<String> refusal;
    private Instant updatedAt;
    /** The 转出地's case, when the application was made here for a 转入地 elsewhere; else null. */
    private String caseId;
    @Indexed
    private String caseNumber;
    private TransferEvents.ForwardedApplication application;
    private TransferEvents.Completion completion;
    private List<String> opsFlags = new ArrayList<>();

    public static TransferOut of(String transferId) {
        TransferOut t = new TransferOut();
        t.id = transferId;
        return t;
    }

    /**
     * 受理 at the 转出地 of an application for a 转入地 in another province: the application (表9, the electronic
     * 参保凭证) is handed to the 转入地, in the same write as this transfer.
     */
    public static TransferOut forward(TransferEvents.ForwardedApplication application, String caseId, Instant at) {
        TransferOut t = of(application.transferId());
        t.caseId = caseId;
        t.caseNumber = application.caseNumber();
        t.application = application;
        t.state = State.FORWARDED;
        t.updatedAt = at;
        t.enqueue(OutboxEvent.of(TransferEvents.APPLICATION_FORWARDED, t.id, application.fromRegionCode(), application));
        return t;
    }

    /**
     * 收到《联系函》: asks enrollment-service to release the record and the balance (once). For a forwarded application
     * the letter is the 转入地's 受理; one that names another person, region or scheme than the application is kept
     * out (ops flag) and nothing is released.
     */
    public TransferOut receive(TransferEvents.ContactLetter received, Instant at) {
        if (letter != null || state == State.REFUSED || state == State.COMPLETED) {
            return this;
        }
        if (application != null) {
            List<String> problems = mismatches(application, received);
            if (!problems.isEmpty()) {
                flag("《联系函》与转出的申请不符：" + String.join("；", problems));
                updatedAt = at;
                return this;
            }
        }
        letter = received;
        state = State.RELEASE_REQUESTED;
        updatedAt = at;
        enqueue(OutboxEvent.of(TransferHooks.RELEASE_REQUESTED, id, received.fromRegionCode(),
                new TransferHooks.Release(id, received.idNumber(), received.insuranceType(), received.fromRegionCode())));
        return this;
    }

    private static List<String> mismatches(TransferEvents.ForwardedApplication a, TransferEvents.ContactLetter l) {
        List<String> problems = new ArrayList<>();
        if (!Objects.equals(a.idNumber(), l.idNumber())) {
            problems.add("参保人员不是申请人");
        }
        if (!Objects.equals(a.fromRegionCode(), l.fromRegionCode()) || !Objects.equals(a.toRegionCode(), l.toRegionCode())) {
            problems.add("转出地或转入地与申请不同");
        }
        if (!Objects.equals(a.insuranceType(), l.insuranceType())) {
            problems.add("基本医疗保险类型与申请不同");
        }
        return problems;
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

    /** enrollment-service could not release (e.g. coverage not stopped): the 转入地 is told, with every reason. */
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

    /** The 转入地 did not accept the forwarded application (不予受理): nothing was released, the reasons are kept. */
    public TransferOut refuseApplication(List<String> reasons, Instant at) {
        if (state != State.FORWARDED) {
            return this;
        }
        state = State.REFUSED;
        refusal = List.copyOf(reasons);
        updatedAt = at;
        return this;
    }

    /** 转入地办结: the 《信息表》 and the funds were credited there. */
    public TransferOut completed(TransferEvents.Completion reported, Instant at) {
        if (state != State.SHEET_ISSUED) {
            return this;
        }
        state = State.COMPLETED;
        completion = reported;
        updatedAt = at;
        return this;
    }

    /**
     * The 转入地 refused the 《信息表》 (its seal, person or amount did not check there): kept for ops (运维核查); the
     * transfer stays issued, as the 转入地 waits for a valid sheet.
     */
    public TransferOut sheetRefused(List<String> problems, Instant at) {
        if (state == State.SHEET_ISSUED) {
            flag("《信息表》被转入地拒收：" + String.join("；", problems));
            updatedAt = at;
        }
        return this;
    }

    /** Whether the application was made at this 转出地 (it has a case here). */
    public boolean appliedHere() {
        return caseId != null;
    }

    /** The person transferred: from the forwarded application, else from the 《联系函》. */
    public String getIdNumber() {
        return application != null ? application.idNumber() : letter == null ? null : letter.idNumber();
    }

    public String getFromRegionCode() {
        return application != null ? application.fromRegionCode() : letter == null ? null : letter.fromRegionCode();
    }

    public String getToRegionCode() {
        return application != null ? application.toRegionCode() : letter == null ? null : letter.toRegionCode();
    }

    public TransferEvents.ContactLetter getLetter() { return letter; }
    public State getState() { return state; }
    public TransferEvents.InfoSheet getIssued() { return issued; }
    public List<String> getRefusal() { return refusal; }
    public String getCaseId() { return caseId; }
    public String getCaseNumber() { return caseNumber; }
    public TransferEvents.ForwardedApplication getApplication() { return application; }
    public TransferEvents.Completion getCompletion() { return completion; }
    /** An ops flag, once: the same finding sent again (a re-sent message under a new id) is not listed twice. */
    private void flag(String finding) {
        if (opsFlags == null) {
            opsFlags = new ArrayList<>();
        }
        if (!opsFlags.contains(finding)) {
            opsFlags.add(finding);
        }
    }

    public List<String> getOpsFlags() { return opsFlags == null ? List.of() : List.copyOf(opsFlags); }
}
