package org.jingban.platform.security.audit;

import java.time.Instant;
import java.util.List;

import org.jingban.platform.identifiers.Masking;

/**
 * One line of the audit trail (审计记录): who (subject, name, roles, regions, client), did what
 * ({@link #action}: {@code READ} of a record, {@code DECISION} on a case, ...), to what ({@link #object}
 * and its id), whose ({@link #partyKind}, {@link #partyId}) in which region, when, with what outcome,
 * under which request id. Never updated, never deleted (docs/adr/security.md).
 */
public record AuditEntry(String id, Instant at, String actor, String actorName, List<String> roles,
                         List<String> actorRegions, String clientId, String action, String object,
                         String objectId, String partyKind, String partyId, String region, String outcome,
                         String detail, String requestId, String service) {

    /** The kinds of action the library records; services may use others for their own decisions. */
    public static final String READ = "READ";
    public static final String DECISION = "DECISION";

    /** This entry as ops sees it: the party's 证件号码 masked. */
    public AuditEntry masked() {
        String shown = "PERSON".equals(partyKind) && partyId != null ? Masking.idNumber(partyId) : partyId;
        return new AuditEntry(id, at, actor, actorName, roles, actorRegions, clientId, action, object, objectId,
                partyKind, shown, region, outcome, detail, requestId, service);
    }
}
