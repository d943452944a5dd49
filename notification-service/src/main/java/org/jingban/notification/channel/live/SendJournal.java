package org.jingban.notification.channel.live;

import java.time.Clock;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/** {@code provider_sends}: single-document writes only (the store has no transactions). */
public class SendJournal {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public SendJournal(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Mono<ProviderSend> find(String key) {
        return mongo.findById(key, ProviderSend.class);
    }

    /**
     * Marks a call as begun, atomically: only a delivery never called or last FAILED may begin.
     *
     * @return false when another call is under way, took the message or has an unknown outcome
     */
    public Mono<Boolean> begin(String key, String provider) {
        Query query = new Query(Criteria.where("_id").is(key).and("status").nin(List.of(
                ProviderSend.Status.IN_FLIGHT.name(), ProviderSend.Status.ACCEPTED.name(),
                ProviderSend.Status.UNKNOWN.name())));
        Update update = new Update().set("provider", provider).set("status", ProviderSend.Status.IN_FLIGHT.name())
                .inc("calls", 1).set("startedAt", clock.instant()).unset("finishedAt");
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().upsert(true).returnNew(true),
                        ProviderSend.class)
                .map(saved -> true)
                .defaultIfEmpty(true)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }

    public Mono<Void> finish(String key, ProviderSend.Status status, String messageId, String code) {
        Update update = new Update().set("status", status.name()).set("finishedAt", clock.instant()).set("lastCode", code);
        if (messageId != null) {
            update.set("messageId", messageId);
        }
        return mongo.updateFirst(new Query(Criteria.where("_id").is(key)), update, ProviderSend.class).then();
    }

    /**
     * Ops decided to send a dead letter again: an unknown or abandoned call may be repeated. A message the provider
     * took stays taken (the next send answers with it, it does not send again).
     */
    public Mono<Boolean> release(String key) {
        Query query = new Query(Criteria.where("_id").is(key).and("status").in(List.of(
                ProviderSend.Status.IN_FLIGHT.name(), ProviderSend.Status.UNKNOWN.name())));
        return mongo.updateFirst(query, new Update().set("status", ProviderSend.Status.FAILED.name())
                        .set("lastCode", "released-by-ops"), ProviderSend.class)
                .map(r -> r.getModifiedCount() > 0);
    }
}
