package org.jingban.enrollment.shared;

import org.jingban.enrollment.shared.ItemSubmissions.Submitted;
import org.jingban.platform.identifiers.Masking;
import org.jingban.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** HTTP answers shared by the item handlers, and the audit line of staff reads. */
public final class Answers {

    private static final Logger audit = LoggerFactory.getLogger("jingban.audit");

    private Answers() {
    }

    /** 201 when the item completed in the request (即时办结), 202 when the case waits for 受理. */
    public static ResponseEntity<Submitted> submitted(Submitted s) {
        return ResponseEntity.status("COMPLETED".equals(s.status()) ? HttpStatus.CREATED : HttpStatus.ACCEPTED).body(s);
    }

    /**
     * Every read of a person's or unit's record by staff is audited (ARCHITECTURE §7). Until platform/security offers
     * an audit trail this is a dedicated log line ({@code jingban.audit}), identifiers masked.
     */
    public static void auditRead(Caller caller, String itemCode, String subject) {
        if (caller.isStaff()) {
            audit.info("staff read item={} by={} regions={} subject={}", itemCode, caller.subject(), caller.regions(),
                    Masking.maskText(subject));
        }
    }
}
