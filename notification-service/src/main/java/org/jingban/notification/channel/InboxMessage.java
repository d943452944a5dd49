package org.jingban.notification.channel;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** 站内信: one message in a party's in-app inbox; the id is the notification id (one per case and template). */
@Document("inbox_messages")
@CompoundIndex(name = "recipient_created", def = "{'recipientId': 1, 'createdAt': -1}")
public record InboxMessage(@Id String id, String recipientId, String title, String text, String caseId,
                           String caseNumber, String itemCode, String templateEvent, Instant createdAt) {
}
