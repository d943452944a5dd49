package org.jingban.notification.channel;

import java.time.Clock;

import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/** 站内信: writes into {@code inbox_messages}, read by the applicant through {@code GET /api/v1/notifications/me}. */
public class InboxChannel implements MessageChannel {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public InboxChannel(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.INBOX;
    }

    @Override
    public Mono<String> deliver(OutgoingMessage message) {
        InboxMessage inbox = new InboxMessage(message.notificationId(), message.recipientId(), message.itemName(),
                message.text(), message.caseId(), message.caseNumber(), message.itemCode(), message.templateEvent(),
                clock.instant());
        return mongo.findAndReplace(new Query(Criteria.where("_id").is(inbox.id())), inbox,
                        FindAndReplaceOptions.options().upsert(), InboxMessage.class, "inbox_messages")
                .then(Mono.just(inbox.id()));
    }
}
