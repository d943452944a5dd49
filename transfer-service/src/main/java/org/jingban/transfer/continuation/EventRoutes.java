package org.jingban.transfer.continuation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jingban.platform.messaging.ReceivedEvent;
import reactor.core.publisher.Mono;

/**
 * One registration per event type for a Kafka listener ({@code .on(type, Data.class, this::handle)}), in the
 * manner of FTGO's {@code DomainEventHandlersBuilder}: the listener method only hands its record on. A type without
 * a route is skipped; a route's work is awaited so that the record's offset is committed only once it is done, and
 * a failure goes to the container's retries and dead-letter topic.
 */
final class EventRoutes {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Function<ReceivedEvent, Mono<?>>> routes = new LinkedHashMap<>();

    EventRoutes on(String type, Function<ReceivedEvent, Mono<?>> handler) {
        if (routes.putIfAbsent(type, handler) != null) {
            throw new IllegalStateException("two routes for " + type);
        }
        return this;
    }

    /** A route that reads the event's data as {@code data} first. */
    <T> EventRoutes on(String type, Class<T> data, BiFunction<ReceivedEvent, T, Mono<?>> handler) {
        return on(type, event -> handler.apply(event, event.data(data)));
    }

    void handle(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.from(record);
        Function<ReceivedEvent, Mono<?>> route = routes.get(event.type());
        if (route != null) {
            route.apply(event).block(TIMEOUT);
        }
    }
}
