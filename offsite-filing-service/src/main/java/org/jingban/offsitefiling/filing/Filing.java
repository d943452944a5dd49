package org.jingban.offsitefiling.filing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jingban.offsitefiling.api.FilingEvents;
import org.jingban.platform.messaging.AggregateDocument;
import org.jingban.platform.messaging.OutboxEvent;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One 异地就医备案 (表11) in force or past: who, which kind, from which 参保地 to which 就医地, from when until when,
 * on proof or on a personal promise (表18, kept with the filing: filings are never deleted). Its id is the id of the
 * case that made it, so that making it twice is impossible; its number (备案编号) is that case's number.
 */
@Document("filings")
public class Filing extends AggregateDocument {

    public enum Status {
        ACTIVE("有效"), REPLACED("已变更"), CANCELLED("已取消"), EXPIRED("已过期");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** 证明材料 or 个人承诺书 (表18) in place of the proof. */
    public enum Path {
        PROOF, PROMISE
    }

    /**
     * The 表18 promise a filing on the promise path rests on: which materials it replaced, when it was made, and until
     * when it must be kept for a later check (信息共享查询核验).
     */
    public record Promise(List<String> replacedMaterials, Instant promisedAt, LocalDate retainUntil) {
    }

    private String filingNumber;
    private String idNumber;
    private String name;
    private FilingKind kind;
    private String insuranceType;
    private String insuredRegionCode;
    private String destinationCode;
    private String destinationName;
    private String phone;
    private String insuredAddress;
    private String offsiteAddress;
    private String referralAddress;
    private String referringInstitution;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private Status status;
    private Path path;
    private Promise promise;
    private String replaces;
    private String replacedBy;
    private String caseId;
    private Instant createdAt;
    private Instant endedAt;
    private String endedBy;

    protected Filing() {
    }

    /** What 表11 and the checks decided; the filing starts ACTIVE. */
    public record Terms(String idNumber, String name, FilingKind kind, String insuranceType, String insuredRegionCode,
                        String destinationCode, String destinationName, String phone, String insuredAddress,
                        String offsiteAddress, String referralAddress, String referringInstitution,
                        LocalDate validFrom, LocalDate validUntil, Promise promise, String replaces) {
    }

    /** 备案 takes effect: {@code registered}, or {@code changed} when it replaces another. */
    public static Filing register(String caseId, String caseNumber, Terms terms, Instant at) {
        Filing f = new Filing();
        f.id = caseId;
        f.caseId = caseId;
        f.filingNumber = caseNumber;
        f.idNumber = terms.idNumber();
        f.name = terms.name();
        f.kind = terms.kind();
        f.insuranceType = terms.insuranceType();
        f.insuredRegionCode = terms.insuredRegionCode();
        f.destinationCode = terms.destinationCode();
        f.destinationName = terms.destinationName();
        f.phone = terms.phone();
        f.insuredAddress = terms.insuredAddress();
        f.offsiteAddress = terms.offsiteAddress();
        f.referralAddress = terms.referralAddress();
        f.referringInstitution = terms.referringInstitution();
        f.validFrom = terms.validFrom();
        f.validUntil = terms.validUntil();
        f.promise = terms.promise();
        f.path = terms.promise() == null ? Path.PROOF : Path.PROMISE;
        f.replaces = terms.replaces();
        f.status = Status.ACTIVE;
        f.createdAt = at;
        f.publish(terms.replaces() == null ? FilingEvents.REGISTERED : FilingEvents.CHANGED);
        return f;
    }

    /** 变更: another filing took this one's place (its {@code changed} event names this one). */
    public boolean replaceBy(String filingNumber, Instant at) {
        if (status != Status.ACTIVE) {
            return false;
        }
        status = Status.REPLACED;
        replacedBy = filingNumber;
        endedAt = at;
        return true;
    }

    /** 取消备案: only an ACTIVE filing; false when it had ended already (a repeated request changes nothing). */
    public boolean cancel(String by, Instant at) {
        if (status != Status.ACTIVE) {
            return false;
        }
        status = Status.CANCELLED;
        endedAt = at;
        endedBy = by;
        publish(FilingEvents.CANCELLED);
        return true;
    }

    /** The validity ran out before {@code today}. */
    public boolean expire(LocalDate today, Instant at) {
        if (status != Status.ACTIVE || validUntil == null || !validUntil.isBefore(today)) {
            return false;
        }
        status = Status.EXPIRED;
        endedAt = at;
        endedBy = "系统";
        publish(FilingEvents.EXPIRED);
        return true;
    }

    /** Whether the filing covers a visit on {@code day} in region {@code regionCode} (a district, city or province). */
    public boolean covers(String regionCode, LocalDate day) {
        return status == Status.ACTIVE && !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil))
                && Destinations.covers(destinationCode, regionCode);
    }

    /** Whether its validity meets [from, until] (until null: open). */
    public boolean overlaps(LocalDate from, LocalDate until) {
        return status == Status.ACTIVE && (validUntil == null || !validUntil.isBefore(from))
                && (until == null || !until.isBefore(validFrom));
    }

    /** 备案有效期 as the completed message says it. */
    public String validityText() {
        return validUntil == null ? validFrom + "起长期有效（至取消备案）" : validFrom + "至" + validUntil;
    }

    public FilingEvents.Filing data() {
        return new FilingEvents.Filing(filingNumber, idNumber, name, kind.itemCode(), kind.label(), insuranceType,
                insuredRegionCode, destinationCode, validFrom, validUntil, status.name(), path.name(), replaces);
    }

    private void publish(String type) {
        enqueue(OutboxEvent.of(type, id, insuredRegionCode, data()));
    }

    public String getFilingNumber() { return filingNumber; }
    public String getIdNumber() { return idNumber; }
    public String getName() { return name; }
    public FilingKind getKind() { return kind; }
    public String getInsuranceType() { return insuranceType; }
    public String getInsuredRegionCode() { return insuredRegionCode; }
    public String getDestinationCode() { return destinationCode; }
    public String getDestinationName() { return destinationName; }
    public String getPhone() { return phone; }
    public String getInsuredAddress() { return insuredAddress; }
    public String getOffsiteAddress() { return offsiteAddress; }
    public String getReferralAddress() { return referralAddress; }
    public String getReferringInstitution() { return referringInstitution; }
    public LocalDate getValidFrom() { return validFrom; }
    public LocalDate getValidUntil() { return validUntil; }
    public Status getStatus() { return status; }
    public Path getPath() { return path; }
    public Promise getPromise() { return promise; }
    public String getReplaces() { return replaces; }
    public String getReplacedBy() { return replacedBy; }
    public String getCaseId() { return caseId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getEndedAt() { return endedAt; }
    public String getEndedBy() { return endedBy; }
}
