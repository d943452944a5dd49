package org.jingban.notification.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 每日到期提醒: for one region and day, the open cases past their promised date (超期) and those with at most
 * {@code due-soon-working-days} working days left (即将到期). The id is {@code <region>:<date>}: one per region and day.
 */
@Document("staff_digests")
public record StaffDigest(@Id String id, String regionCode, LocalDate date, List<Entry> overdue, List<Entry> dueSoon,
                          String summary, Instant createdAt) {

    /** @param workingDays working days left (due soon) or past the due date (overdue) */
    public record Entry(String caseId, String caseNumber, String itemCode, String itemName, LocalDate dueDate,
                        int workingDays) {
    }
}
