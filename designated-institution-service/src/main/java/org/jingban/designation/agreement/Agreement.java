package org.jingban.designation.agreement;

import org.jingban.platform.service.items.BankAccount;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jingban.designation.api.AgreementEvents;
import org.jingban.platform.messaging.AggregateDocument;
import org.jingban.platform.messaging.OutboxEvent;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One 医保协议 and the 定点医药机构 it designates: number, validity, agreed scope (门诊, 住院, 门诊慢特病, 生育, 异地就医直接结算,
 * 药品零售), status, and the institution's data as the agreement holds it (信息变更 changes it). Every change is one
 * document write that carries its {@link AgreementEvents} event (embedded outbox). Its id is the id of the case that
 * signed it (or {@code import:<code>} for one imported), so signing twice is impossible.
 */
@Document("agreements")
public class Agreement extends AggregateDocument {

    public enum Status {
        ACTIVE("有效"), SUSPENDED("暂停"), TERMINATED("终止");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The institution's data as 表14/表15 gave it (and 信息变更 changed it). */
    public record Institution(String name, String creditCode, String address, String divisionCode, String level,
                              Contact legalRepresentative, Contact principal, Contact controller, BankAccount bankAccount,
                              String practiceScope, String contactName, String contactPhone) {
    }

    /** One line of the change history: 信息变更, 暂停, 恢复, 终止, 开通异地 … */
    public record Entry(String what, String caseNumber, String detail, Instant at) {
    }

    private String agreementNumber;
    private String institutionCode;
    private String creditCode;
    private InstitutionKind kind;
    private String regionCode;
    private Institution institution;
    private List<String> scope;
    private List<String> offsiteSettlement;
    private Status status;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private LocalDate suspendedFrom;
    private LocalDate suspendedUntil;
    private String suspensionReason;
    private LocalDate terminatedOn;
    private String terminationReason;
    private String caseNumber;
    private String signedBy;
    private Instant signedAt;
    private List<Entry> history;

    protected Agreement() {
    }

    /** 签订医保协议: ACTIVE from {@code validFrom} to {@code validUntil}, with the agreed scope. */
    public static Agreement sign(String id, String agreementNumber, String institutionCode, InstitutionKind kind,
                                 String regionCode, Institution institution, Set<String> scope, LocalDate validFrom,
                                 LocalDate validUntil, String caseNumber, String signedBy, Instant at) {
        Agreement a = new Agreement();
        a.id = id;
        a.agreementNumber = agreementNumber;
        a.institutionCode = institutionCode;
        a.creditCode = institution.creditCode();
        a.kind = kind;
        a.regionCode = regionCode;
        a.institution = institution;
        a.scope = Scopes.sorted(scope);
        a.offsiteSettlement = scope.contains(AgreementEvents.OFFSITE_SETTLEMENT) ? Scopes.OFFSITE_KINDS : List.of();
        a.status = Status.ACTIVE;
        a.validFrom = validFrom;
        a.validUntil = validUntil;
        a.caseNumber = caseNumber;
        a.signedBy = signedBy;
        a.signedAt = at;
        a.history = new ArrayList<>(List.of(new Entry("签订医保协议", caseNumber, agreementNumber, at)));
        a.publish(AgreementEvents.SIGNED);
        return a;
    }

    /** The id prefix of an agreement imported at go-live: {@code import:<机构编码>}. */
    public static final String IMPORTED_ID_PREFIX = "import:";

    /**
     * An agreement signed on paper before the system went live, imported as it is (ACTIVE, its own code, number,
     * validity and scope): id {@code import:<机构编码>}, so importing it again is impossible; no case. It publishes the
     * same {@code signed} event as a signing: for a consumer (settlement-service) it is an agreement in force.
     */
    public static Agreement imported(String agreementNumber, String institutionCode, InstitutionKind kind,
                                     String regionCode, Institution institution, Set<String> scope,
                                     List<String> offsiteKinds, LocalDate validFrom, LocalDate validUntil,
                                     String importedBy, Instant at) {
        Agreement a = new Agreement();
        a.id = IMPORTED_ID_PREFIX + institutionCode;
        a.agreementNumber = agreementNumber;
        a.institutionCode = institutionCode;
        a.creditCode = institution.creditCode();
        a.kind = kind;
        a.regionCode = regionCode;
        a.institution = institution;
        a.scope = Scopes.sorted(scope);
        a.offsiteSettlement = scope.contains(AgreementEvents.OFFSITE_SETTLEMENT)
                ? Scopes.OFFSITE_KINDS.stream().filter(offsiteKinds::contains).toList() : List.of();
        a.status = Status.ACTIVE;
        a.validFrom = validFrom;
        a.validUntil = validUntil;
        a.signedBy = importedBy;
        a.signedAt = at;
        a.history = new ArrayList<>(List.of(new Entry("导入上线前已签订的医保协议", null, agreementNumber, at)));
        a.publish(AgreementEvents.SIGNED);
        return a;
    }

    /** Whether this agreement was imported at go-live rather than signed through an application here. */
    public boolean isImported() {
        return id != null && id.startsWith(IMPORTED_ID_PREFIX);
    }

    /** 信息变更: the institution's data replaced by {@code changed}; false when it was applied already (same case). */
    public boolean change(Institution changed, String caseNumber, String detail, Instant at) {
        if (applied(caseNumber) || status == Status.TERMINATED) {
            return false;
        }
        institution = changed;
        history.add(new Entry("信息变更", caseNumber, detail, at));
        publish(AgreementEvents.CHANGED);
        return true;
    }

    /** 暂停协议 for a period (until null: until resumed), with its reason. */
    public boolean suspend(LocalDate from, LocalDate until, String reason, String caseNumber, Instant at) {
        if (applied(caseNumber) || status != Status.ACTIVE) {
            return false;
        }
        status = Status.SUSPENDED;
        suspendedFrom = from;
        suspendedUntil = until;
        suspensionReason = reason;
        history.add(new Entry("暂停协议", caseNumber, reason, at));
        publish(AgreementEvents.SUSPENDED);
        return true;
    }

    /** 终止协议, for good. */
    public boolean terminate(LocalDate on, String reason, String caseNumber, Instant at) {
        if (applied(caseNumber) || status == Status.TERMINATED) {
            return false;
        }
        status = Status.TERMINATED;
        terminatedOn = on;
        terminationReason = reason;
        history.add(new Entry("终止协议", caseNumber, reason, at));
        publish(AgreementEvents.TERMINATED);
        return true;
    }

    /** 恢复协议管理: a SUSPENDED agreement is ACTIVE again. */
    public boolean resume(String caseNumber, Instant at) {
        if (applied(caseNumber) || status != Status.SUSPENDED) {
            return false;
        }
        status = Status.ACTIVE;
        suspendedFrom = null;
        suspendedUntil = null;
        suspensionReason = null;
        history.add(new Entry("恢复协议管理", caseNumber, null, at));
        publish(AgreementEvents.RESUMED);
        return true;
    }

    /** 开通异地就医直接结算业务 (省内异地 and/or 跨省异地). */
    public boolean enableOffsiteSettlement(List<String> kinds, String caseNumber, Instant at) {
        if (applied(caseNumber) || status == Status.TERMINATED) {
            return false;
        }
        Set<String> s = new LinkedHashSet<>(scope);
        s.add(AgreementEvents.OFFSITE_SETTLEMENT);
        scope = Scopes.sorted(s);
        Set<String> k = new LinkedHashSet<>(offsiteSettlement);
        k.addAll(kinds);
        offsiteSettlement = Scopes.OFFSITE_KINDS.stream().filter(k::contains).toList();
        history.add(new Entry("开通异地就医直接结算业务", caseNumber, String.join("、", kinds), at));
        publish(AgreementEvents.SCOPE_CHANGED);
        return true;
    }

    private boolean applied(String caseNumber) {
        return caseNumber != null && history.stream().anyMatch(e -> caseNumber.equals(e.caseNumber()));
    }

    /** Whether the institution may settle a service of this scope on the day (see {@link AgreementEvents.Agreement#permits}). */
    public boolean permits(String scopeValue, LocalDate day) {
        return data().permits(scopeValue, day);
    }

    public AgreementEvents.Agreement data() {
        return new AgreementEvents.Agreement(agreementNumber, institutionCode, creditCode, institution.name(), kind.name(),
                regionCode, institution.divisionCode(), institution.level(), scope, offsiteSettlement, status.name(),
                validFrom, validUntil, suspendedFrom, suspendedUntil, suspensionReason, terminatedOn, terminationReason,
                institution.contactPhone());
    }

    private void publish(String type) {
        enqueue(OutboxEvent.of(type, id, regionCode, data()));
    }

    public String getAgreementNumber() { return agreementNumber; }
    public String getInstitutionCode() { return institutionCode; }
    public String getCreditCode() { return creditCode; }
    public InstitutionKind getKind() { return kind; }
    public String getRegionCode() { return regionCode; }
    public Institution getInstitution() { return institution; }
    public List<String> getScope() { return scope; }
    public List<String> getOffsiteSettlement() { return offsiteSettlement; }
    public Status getStatus() { return status; }
    public LocalDate getValidFrom() { return validFrom; }
    public LocalDate getValidUntil() { return validUntil; }
    public LocalDate getSuspendedFrom() { return suspendedFrom; }
    public LocalDate getSuspendedUntil() { return suspendedUntil; }
    public String getSuspensionReason() { return suspensionReason; }
    public LocalDate getTerminatedOn() { return terminatedOn; }
    public String getTerminationReason() { return terminationReason; }
    public String getCaseNumber() { return caseNumber; }
    public String getSignedBy() { return signedBy; }
    public Instant getSignedAt() { return signedAt; }
    public List<Entry> getHistory() { return List.copyOf(history); }
}
