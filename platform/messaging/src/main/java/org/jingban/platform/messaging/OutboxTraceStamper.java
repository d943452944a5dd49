package org.jingban.platform.messaging;

import java.util.List;
import java.util.ListIterator;
import java.util.function.Supplier;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.mapping.event.ReactiveBeforeConvertCallback;
import reactor.core.publisher.Mono;

/**
 * Stores the trace context with the events of the outbox (发件箱事件的链路上下文): when an aggregate is saved, every
 * pending event that has no {@code traceparent} yet gets the W3C trace context of the current span — the HTTP request
 * (WebFlux puts its observation in the Reactor context) or the Kafka record being handled (the listener's observation)
 * that caused it. The relay publishes later, on a thread of its own, and puts the stored context on the record
 * ({@code traceparent} header and CloudEvents extension), so that the consumer's span joins the same trace.
 *
 * <p>Nothing is stamped when there is no current span; an event keeps the context it was first saved with.
 */
public class OutboxTraceStamper implements ReactiveBeforeConvertCallback<AggregateDocument>, Ordered {

    private static final String INVALID_TRACE = "00000000000000000000000000000000";

    private final Supplier<Tracer> tracer;
    private final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();

    /** @param tracer the tracer, looked up at each save (null or a no-op tracer: nothing is stamped) */
    public OutboxTraceStamper(Supplier<Tracer> tracer) {
        this.tracer = tracer;
    }

    @Override
    public Publisher<AggregateDocument> onBeforeConvert(AggregateDocument entity, String collection) {
        if (!hasUnstamped(entity.outbox)) {
            return Mono.just(entity);
        }
        return Mono.deferContextual(context -> {
            String traceparent;
            // the Reactor context carries the request's observation; make it current while we read the span
            try (ContextSnapshot.Scope scope = snapshots.setThreadLocalsFrom(context)) {
                traceparent = currentTraceparent();
            }
            if (traceparent != null) {
                stamp(entity.outbox, traceparent);
            }
            return Mono.just(entity);
        });
    }

    /** The W3C {@code traceparent} of the current span, or null when there is none. */
    String currentTraceparent() {
        Tracer current = tracer.get();
        Span span = current == null ? null : current.currentSpan();
        return span == null ? null : traceparent(span.context());
    }

    /** {@code 00-<32 hex trace id>-<16 hex span id>-<01 sampled | 00>}, or null for an empty or invalid context. */
    static String traceparent(TraceContext context) {
        if (context == null) {
            return null;
        }
        String traceId = context.traceId();
        String spanId = context.spanId();
        if (traceId == null || spanId == null || traceId.isBlank() || INVALID_TRACE.equals(traceId)
                || spanId.isBlank() || "0000000000000000".equals(spanId)) {
            return null;
        }
        if (traceId.length() == 16) {
            traceId = "0000000000000000" + traceId; // a 64-bit trace id (B3) as a W3C one
        }
        if (traceId.length() != 32 || spanId.length() != 16) {
            return null;
        }
        return "00-" + traceId + "-" + spanId + "-" + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }

    private static boolean hasUnstamped(List<OutboxEvent> outbox) {
        return outbox != null && outbox.stream().anyMatch(event -> event.traceparent() == null);
    }

    private static void stamp(List<OutboxEvent> outbox, String traceparent) {
        for (ListIterator<OutboxEvent> events = outbox.listIterator(); events.hasNext(); ) {
            OutboxEvent event = events.next();
            if (event.traceparent() == null) {
                events.set(event.withTraceparent(traceparent));
            }
        }
    }

    /** Before the other callbacks (auditing and such do not touch the outbox). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
