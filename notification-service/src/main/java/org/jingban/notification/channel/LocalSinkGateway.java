package org.jingban.notification.channel;

import java.time.Clock;

import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/** Local mode: "sends" by writing the provider request into {@code channel_sink}, once per delivery key. */
public class LocalSinkGateway implements ProviderGateway {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public LocalSinkGateway(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Mono<String> send(ProviderRequest request, OutgoingMessage message, String idempotencyKey) {
        SinkRecord record = new SinkRecord(idempotencyKey, request.provider(), channelOf(request.provider()),
                request.method(), request.endpoint(), request.body(), message.text(), message.caseId(),
                message.caseNumber(), message.itemCode(), message.templateEvent(), message.regionCode(),
                message.address(), message.recipientId(), message.recipientKind(), clock.instant());
        // Upsert by the delivery key: a send repeated after a crash replaces the record instead of adding one.
        return mongo.findAndReplace(new Query(Criteria.where("_id").is(idempotencyKey)), record,
                        FindAndReplaceOptions.options().upsert(), SinkRecord.class, "channel_sink")
                .thenReturn("local-" + idempotencyKey)
                .defaultIfEmpty("local-" + idempotencyKey);
    }

    private static String channelOf(String provider) {
        for (ChannelKind kind : ChannelKind.values()) {
            if (kind.provider().equals(provider)) {
                return kind.name();
            }
        }
        return provider;
    }
}
