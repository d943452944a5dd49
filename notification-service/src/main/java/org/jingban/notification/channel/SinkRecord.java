package org.jingban.notification.channel;

import java.time.Instant;
import java.util.Map;

import org.jingban.platform.cases.Party;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a channel adapter handed to its provider in local mode (本地发件箱): the provider request exactly as it would
 * be sent, plus the rendered text for people. The id is the delivery key: one record per (case, template, channel).
 */
@Document("channel_sink")
public record SinkRecord(@Id String id, String provider, String channel, String method, String endpoint,
                         Map<String, Object> request, String text, String caseId, String caseNumber, String itemCode,
                         String templateEvent, String regionCode, String address, String recipientId,
                         Party.Kind recipientKind, @Indexed Instant sentAt) {
}
