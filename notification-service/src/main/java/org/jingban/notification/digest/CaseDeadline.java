package org.jingban.notification.digest;

import java.time.Instant;
import java.time.LocalDate;

import org.jingban.platform.cases.CaseEventData;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.messaging.AggregateDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The deadline of one case as its events tell it (办结期限读模型): the case kernel keeps deadlines in each service's
 * own database, which nobody else may read, so the notification-service follows the case events (every one carries
 * status and due date) and keeps this copy for the staff digest. The embedded inbox makes a redelivered event a no-op.
 */
@Document("case_deadlines")
@CompoundIndex(name = "region_open_due", def = "{'regionCode': 1, 'open': 1, 'dueDate': 1}")
public class CaseDeadline extends AggregateDocument {

    private String caseNumber;
    private String itemCode;
    private String itemName;
    private String regionCode;
    private CaseStatus status;
    private LocalDate dueDate;
    /** not finished: submitted, accepted, under review … or waiting for the applicant */
    private boolean open;
    /** 待补正: the clock is paused, the case is never overdue meanwhile */
    private boolean paused;
    private Instant updatedAt;

    public CaseDeadline() {
    }

    public CaseDeadline apply(CaseEventData data, Instant at) {
        caseNumber = data.caseNumber();
        itemCode = data.itemCode();
        itemName = data.itemName();
        regionCode = data.regionCode();
        if (data.status() != null) {
            status = data.status();
            open = !status.finished();
            paused = status == CaseStatus.WAITING_FOR_APPLICANT;
        }
        if (data.dueDate() != null || (status != null && status.finished())) {
            dueDate = data.dueDate();
        }
        updatedAt = at;
        return this;
    }

    public String getCaseNumber() { return caseNumber; }
    public String getItemCode() { return itemCode; }
    public String getItemName() { return itemName; }
    public String getRegionCode() { return regionCode; }
    public CaseStatus getStatus() { return status; }
    public LocalDate getDueDate() { return dueDate; }
    public boolean isOpen() { return open; }
    public boolean isPaused() { return paused; }
    public Instant getUpdatedAt() { return updatedAt; }
}
