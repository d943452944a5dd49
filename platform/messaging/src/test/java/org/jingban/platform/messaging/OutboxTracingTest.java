package org.jingban.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jingban.platform.messaging.MessagingTestApplication.TestApplication;
import org.jingban.platform.test.CloudEventRecord;
import org.jingban.platform.test.EventProbe;
import org.jingban.platform.test.JingbanInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.scheduler.Schedulers;

/**
 * The trace context of the request that saved an aggregate travels with its outbox events: stored in the document,
 * published as the W3C {@code traceparent} header and the CloudEvents {@code traceparent} extension.
 */
@MessagingTest
class OutboxTracingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    ObservationRegistry observations;

    @Autowired
    Tracer tracer;

    @Test
    void an_event_saved_in_a_reactive_request_carries_the_requests_trace_to_kafka() {
        try (EventProbe probe = JingbanInfrastructure.get().probe(MessagingTest.TOPIC)) {
            // given a request's observation, carried in the Reactor context as WebFlux carries it (not on this thread)
            Observation request = Observation.start("http.server.requests", observations);
            String traceId;
            String spanId;
            try (Observation.Scope scope = request.openScope()) {
                Span span = tracer.currentSpan();
                traceId = span.context().traceId();
                spanId = span.context().spanId();
            }
            assertThat(tracer.currentSpan()).as("no span left on the test thread").isNull();

            // when the request saves an aggregate with an event, on another thread
            String id = "app-" + UUID.randomUUID();
            TestApplication application = new TestApplication(id);
            application.accept("620602", 1);
            String eventId = application.getOutbox().get(0).id();
            mongo.save(application).subscribeOn(Schedulers.boundedElastic())
                    .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, request))
                    .block(WAIT);
            request.stop();

            // then the published record carries the request's trace: the W3C header and the CloudEvents extension
            CloudEventRecord published = probe.awaitEvent(e -> eventId.equals(e.id()), WAIT);
            String expected = "00-" + traceId + "-" + spanId + "-01";
            assertThat(published.header("traceparent")).isEqualTo(expected);
            assertThat(published.header("ce_traceparent")).isEqualTo(expected);
        }
    }

    @Test
    void an_event_enqueued_while_handling_a_record_joins_that_records_trace_and_keeps_it_when_saved_again() {
        try (EventProbe probe = JingbanInfrastructure.get().probe(MessagingTest.TOPIC)) {
            // given a consumer's observation current on the listener thread (as Spring Kafka opens it)
            String id = "app-" + UUID.randomUUID();
            TestApplication application = new TestApplication(id);
            application.accept("620602", 1);
            String eventId = application.getOutbox().get(0).id();
            AtomicReference<String> traceId = new AtomicReference<>();
            Observation.createNotStarted("kafka.consume", observations).observe(() -> {
                traceId.set(tracer.currentSpan().context().traceId());
                mongo.save(application).block(WAIT);
            });

            // when the aggregate is saved again later under another trace before the relay ran (or after)
            Observation.createNotStarted("another.request", observations).observe(() -> {
                TestApplication again = mongo.findById(id, TestApplication.class).block(WAIT);
                if (again != null) {
                    mongo.save(again).block(WAIT);
                }
            });

            // then the event keeps the trace it was first saved with
            CloudEventRecord published = probe.awaitEvent(e -> eventId.equals(e.id()), WAIT);
            assertThat(published.header("traceparent")).startsWith("00-" + traceId.get() + "-").endsWith("-01");
        }
    }

    @Test
    void without_a_current_span_nothing_is_stamped() {
        try (EventProbe probe = JingbanInfrastructure.get().probe(MessagingTest.TOPIC)) {
            String id = "app-" + UUID.randomUUID();
            TestApplication application = new TestApplication(id);
            application.accept("620602", 1);
            String eventId = application.getOutbox().get(0).id();
            mongo.save(application).block(WAIT);

            CloudEventRecord published = probe.awaitEvent(e -> eventId.equals(e.id()), WAIT);
            assertThat(published.header("traceparent")).isNull();
            assertThat(published.header("ce_traceparent")).isNull();
        }
    }
}
