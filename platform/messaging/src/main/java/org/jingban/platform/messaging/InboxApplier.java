package org.jingban.platform.messaging;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Applies a consumed event to one aggregate exactly once (收件箱去重): the change and the record of
 * the event id go into the same single-document write, guarded by the aggregate's {@code @Version}.
 * A redelivered event finds its id in the inbox and changes nothing.
 */
public class InboxApplier {

    private static final int MAX_CONFLICT_RETRIES = 10;

    private final ReactiveMongoTemplate template;

    public InboxApplier(ReactiveMongoTemplate template) {
        this.template = template;
    }

    /**
     * Loads the aggregate, applies {@code change} unless the event was applied before, marks it applied
     * and saves; on a concurrent change (optimistic locking) it starts again from a fresh load.
     *
     * @return the aggregate as saved, or as found if the event had already been applied
     * @throws AggregateNotFoundException (as the Mono's error) if there is no such aggregate
     */
    public <T extends AggregateDocument> Mono<T> applyOnce(Class<T> type, String aggregateId, ReceivedEvent event,
                                                           Function<T, T> change) {
        return Mono.defer(() -> template.findById(aggregateId, type)
                        .switchIfEmpty(Mono.error(() -> new AggregateNotFoundException(type, aggregateId, event)))
                        .flatMap(aggregate -> applyAndSave(aggregate, event, change)))
                .retryWhen(onConflict());
    }

    /**
     * Like {@link #applyOnce}, but creates the aggregate with {@code create} when it does not exist.
     * The created aggregate gets {@code aggregateId} as its id if it has none.
     */
    public <T extends AggregateDocument> Mono<T> applyOnceOrCreate(Class<T> type, String aggregateId, Supplier<T> create,
                                                                   ReceivedEvent event, Function<T, T> change) {
        return Mono.defer(() -> template.findById(aggregateId, type)
                        .switchIfEmpty(Mono.fromSupplier(() -> created(create, aggregateId)))
                        .flatMap(aggregate -> applyAndSave(aggregate, event, change)))
                // Two consumers creating the same aggregate: the second insert fails on _id and retries as an update.
                .retryWhen(onConflict());
    }

    private static <T extends AggregateDocument> T created(Supplier<T> create, String aggregateId) {
        T fresh = Objects.requireNonNull(create.get(), "create returned null");
        if (fresh.id == null) {
            fresh.id = aggregateId;
        } else if (!fresh.id.equals(aggregateId)) {
            throw new IllegalStateException("created aggregate has id " + fresh.id + ", expected " + aggregateId);
        }
        return fresh;
    }

    private <T extends AggregateDocument> Mono<T> applyAndSave(T aggregate, ReceivedEvent event, Function<T, T> change) {
        if (aggregate.hasApplied(event.id())) {
            return Mono.just(aggregate);
        }
        T changed = Objects.requireNonNull(change.apply(aggregate), "change returned null");
        changed.markApplied(event.id());
        return template.save(changed);
    }

    private static Retry onConflict() {
        return WriteConflicts.retry(MAX_CONFLICT_RETRIES);
    }
}
