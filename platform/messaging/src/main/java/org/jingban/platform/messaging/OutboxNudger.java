package org.jingban.platform.messaging;

import org.bson.Document;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.mapping.event.ReactiveAfterSaveCallback;
import reactor.core.publisher.Mono;

/** After a save that left events in the outbox, asks the relay to publish soon rather than at its next poll. */
public class OutboxNudger implements ReactiveAfterSaveCallback<AggregateDocument> {

    private final ObjectProvider<OutboxRelay> relay;

    public OutboxNudger(ObjectProvider<OutboxRelay> relay) {
        this.relay = relay;
    }

    @Override
    public Publisher<AggregateDocument> onAfterSave(AggregateDocument entity, Document document, String collection) {
        if (entity.outbox != null && !entity.outbox.isEmpty()) {
            relay.ifAvailable(OutboxRelay::nudge);
        }
        return Mono.just(entity);
    }
}
