package org.jingban.reimbursement.chronic;

import java.time.Instant;
import java.time.LocalDate;

import org.jingban.platform.messaging.AggregateDocument;
import org.jingban.platform.messaging.OutboxEvent;
import org.jingban.reimbursement.api.EntitlementEvents;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One outpatient chronic/special disease entitlement (门诊慢特病待遇资格): who, which disease, from when until when, at
 * which designated institution. Its id is the id of the case that granted it (granting twice is impossible), its
 * number (认定编号) that case's number. Granted, changed and ended are events for settlement-service.
 */
@Document("entitlements")
public class Entitlement extends AggregateDocument {

    public enum Status {
        ACTIVE("有效"), ENDED("已终止");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private String entitlementNumber;
    private EntitlementKind kind;
    private String idNumber;
    private String name;
    private String insuranceType;
    private String regionCode;
    private String diseaseCode;
    private String diseaseName;
    private boolean crossProvince;
    private String institutionCode;
    private String institutionName;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private Status status;
    private String endReason;
    private Instant grantedAt;
    private Instant endedAt;

    protected Entitlement() {
    }

    public record Terms(String caseId, String caseNumber, EntitlementKind kind, String idNumber, String name,
                        String insuranceType, String regionCode, String diseaseCode, String diseaseName,
                        boolean crossProvince, String institutionCode, String institutionName, LocalDate validFrom,
                        LocalDate validUntil) {
    }

    public static Entitlement grant(Terms t, Instant at) {
        Entitlement e = new Entitlement();
        e.id = t.caseId();
        e.entitlementNumber = t.caseNumber();
        e.kind = t.kind();
        e.idNumber = t.idNumber();
        e.name = t.name();
        e.insuranceType = t.insuranceType();
        e.regionCode = t.regionCode();
        e.diseaseCode = t.diseaseCode();
        e.diseaseName = t.diseaseName();
        e.crossProvince = t.crossProvince();
        e.institutionCode = t.institutionCode();
        e.institutionName = t.institutionName();
        e.validFrom = t.validFrom();
        e.validUntil = t.validUntil();
        e.status = Status.ACTIVE;
        e.grantedAt = at;
        e.publish(EntitlementEvents.GRANTED);
        return e;
    }

    /** Whether it covers the disease on the day. */
    public boolean covers(String disease, LocalDate day) {
        return status == Status.ACTIVE && (diseaseCode.equals(disease) || diseaseName.equals(disease))
                && !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }

    /** Another designated institution (false: the same, nothing changes). */
    boolean changeInstitution(String code, String name) {
        if (status != Status.ACTIVE || (java.util.Objects.equals(code, institutionCode)
                && java.util.Objects.equals(name, institutionName))) {
            return false;
        }
        institutionCode = code;
        institutionName = name;
        publish(EntitlementEvents.CHANGED);
        return true;
    }

    /** Ends it (false: it had ended). */
    boolean end(String reason, Instant at) {
        if (status == Status.ENDED) {
            return false;
        }
        status = Status.ENDED;
        endReason = reason;
        endedAt = at;
        publish(EntitlementEvents.ENDED);
        return true;
    }

    public EntitlementEvents.Entitlement data() {
        return new EntitlementEvents.Entitlement(entitlementNumber, kind.itemCode(), idNumber, name, insuranceType,
                regionCode, diseaseCode, diseaseName, crossProvince, institutionCode, institutionName, validFrom,
                validUntil, status.name(), endReason);
    }

    private void publish(String type) {
        enqueue(OutboxEvent.of(type, id, regionCode, data()));
    }

    public String getEntitlementNumber() { return entitlementNumber; }
    public EntitlementKind getKind() { return kind; }
    public String getIdNumber() { return idNumber; }
    public String getName() { return name; }
    public String getInsuranceType() { return insuranceType; }
    public String getRegionCode() { return regionCode; }
    public String getDiseaseCode() { return diseaseCode; }
    public String getDiseaseName() { return diseaseName; }
    public boolean isCrossProvince() { return crossProvince; }
    public String getInstitutionCode() { return institutionCode; }
    public String getInstitutionName() { return institutionName; }
    public LocalDate getValidFrom() { return validFrom; }
    public LocalDate getValidUntil() { return validUntil; }
    public Status getStatus() { return status; }
    public String getEndReason() { return endReason; }
    public Instant getGrantedAt() { return grantedAt; }
    public Instant getEndedAt() { return endedAt; }
}
