package org.jingban.platform.messaging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import com.mongodb.bulk.BulkWriteResult;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the events waiting in aggregates' outboxes (发件箱中继) to Kafka, then removes them.
 *
 * <p>Each pass looks in every collection whose entity extends {@link AggregateDocument} for documents
 * with pending events, through a sparse index on {@value #PENDING_FIELD} (so a pass costs what is pending, not
 * what is stored; the index is created at start, for a real MongoDB as for the embedded store), sends the events of
 * every aggregate found, each aggregate's in order (key = aggregate id, idempotent producer, acks=all), waits for the
 * acknowledgements and only then removes the acknowledged events: one bulk write per collection, each update atomic
 * and conditional on the outbox as read (emptied and unflagged in one update when it still holds just the published
 * events, else a {@code $pull} by event id) — never a whole-document write, since the service may have changed
 * the aggregate meanwhile. An event stays in its document until Kafka has it: a crash or a broker
 * outage delays events, never drops them; the price is that an event may be published twice, which
 * consumers absorb with their inbox.
 *
 * <p>Runs on one thread of its own, which may block; it polls every {@code jingban.messaging.relay.interval}
 * and right after a save that enqueued events ({@link #nudge()}). While Kafka is unreachable it backs
 * off up to {@code max-backoff} and logs once per outage.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MONGO_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    /** The flag {@link AggregateDocument#enqueue} sets and the relay removes once the outbox is empty. */
    static final String PENDING_FIELD = "outboxPending";
    static final String PENDING_INDEX = "outbox_pending";
    /** Marks a database whose aggregates written before {@value #PENDING_FIELD} existed were flagged. */
    static final String MIGRATIONS = "jingban_migrations";
    static final String FLAG_MIGRATION = "outbox-pending-flag";

    private final ReactiveMongoTemplate template;
    private final Supplier<Producer<String, byte[]>> producerFactory;
    private final String topic;
    private final URI source;
    private final MessagingProperties.Relay settings;
    private final Counter published;
    private final Counter failures;

    private final AtomicBoolean nudged = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;
    private Producer<String, byte[]> producer;
    private volatile boolean inOutage;
    private Duration backoff = Duration.ZERO;
    private volatile long pendingEvents;
    private volatile Instant oldestPending;

    public OutboxRelay(ReactiveMongoTemplate template, Supplier<Producer<String, byte[]>> producerFactory,
                       String topic, String source, MessagingProperties.Relay settings, MeterRegistry meters) {
        this.template = template;
        this.producerFactory = producerFactory;
        this.topic = topic;
        this.source = URI.create(source);
        this.settings = settings;
        this.published = Counter.builder("jingban.events.published").tag("topic", topic)
                .description("Events published from outboxes").register(meters);
        this.failures = Counter.builder("jingban.outbox.publish.failures").tag("topic", topic)
                .description("Relay passes that could not publish every event (they are retried)").register(meters);
        Gauge.builder("jingban.outbox.pending", this, r -> r.pendingEvents).tag("topic", topic)
                .description("Events waiting in outboxes at the last pass").register(meters);
        Gauge.builder("jingban.outbox.oldest.age", this, OutboxRelay::oldestAgeSeconds).tag("topic", topic)
                .baseUnit("seconds").description("Age of the oldest event waiting (relay lag)").register(meters);
    }

    public String topic() {
        return topic;
    }

    /** Asks for a pass soon (after a save that enqueued events). Cheap; extra nudges coalesce. */
    public void nudge() {
        ScheduledExecutorService current = executor;
        if (current != null && !inOutage && nudged.compareAndSet(false, true)) {
            current.execute(() -> {
                nudged.set(false);
                passQuietly();
            });
        }
    }

    /** Events waiting at the last pass. */
    public long pendingEvents() {
        return pendingEvents;
    }

    double oldestAgeSeconds() {
        Instant oldest = oldestPending;
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "jingban-outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        executor.schedule(() -> {
            prepareQuietly();
            loop();
        }, 0, TimeUnit.MILLISECONDS);
        log.info("Outbox relay started, publishing to {}", topic);
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService current = executor;
        if (current == null) {
            return;
        }
        executor = null;
        current.shutdownNow();
        try {
            current.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeProducer();
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Scheduled passes: one after the other, each waiting the interval (or the backoff) after the last. */
    private void loop() {
        passQuietly();
        ScheduledExecutorService current = executor;
        if (current != null && !current.isShutdown()) {
            Duration wait = inOutage ? backoff : settings.getInterval();
            try {
                current.schedule(this::loop, wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // stop() raced us: nothing more to schedule
            }
        }
    }

    private void passQuietly() {
        try {
            boolean complete = pass();
            if (complete && inOutage) {
                inOutage = false;
                backoff = Duration.ZERO;
                log.info("Outbox relay publishing again to {}", topic);
            }
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || executor == null) {
                return;
            }
            onFailure(e);
        }
    }

    private void onFailure(RuntimeException e) {
        failures.increment();
        if (!inOutage) {
            inOutage = true;
            log.warn("发件箱事件暂时无法发布到 {}，事件保留在文档中，将退避重试: {}", topic, e.toString());
        }
        Duration doubled = backoff.isZero() ? settings.getInterval().multipliedBy(2) : backoff.multipliedBy(2);
        backoff = doubled.compareTo(settings.getMaxBackoff()) > 0 ? settings.getMaxBackoff() : doubled;
        // A producer that failed may be in a state it cannot leave: start the next attempt with a new one.
        closeProducer();
    }

    /** An aggregate found with pending events. */
    private record Pending(String collection, Object documentId, List<OutboxEvent> events) {
    }

    /**
     * One pass: find every aggregate with pending events (and show them in the gauges), send all their events (each
     * aggregate's in order, under its id as key), wait for the acknowledgements, then remove what Kafka has with one
     * bulk write per collection.
     *
     * @return true if every event found was published
     */
    boolean pass() {
        List<Pending> found = new ArrayList<>();
        long waiting = 0;
        Instant oldest = null;
        for (String collection : aggregateCollections()) {
            List<Document> documents = template.find(pendingQuery(), Document.class, collection)
                    .collectList().block(MONGO_TIMEOUT);
            for (Document document : documents == null ? List.<Document>of() : documents) {
                List<OutboxEvent> events = outboxOf(document);
                if (!events.isEmpty()) {
                    found.add(new Pending(collection, document.get("_id"), events));
                    waiting += events.size();
                    for (OutboxEvent event : events) {
                        oldest = oldest == null || event.time().isBefore(oldest) ? event.time() : oldest;
                    }
                } else {
                    unflagIfEmpty(collection, document.get("_id"));   // a relay stopped between $pull and unset
                }
            }
        }
        pendingEvents = waiting;
        oldestPending = oldest;
        if (found.isEmpty()) {
            return true;
        }
        int done = publish(found);
        pendingEvents = Math.max(0, waiting - done);
        if (done < waiting) {
            throw new IllegalStateException("Kafka did not acknowledge every event");
        }
        oldestPending = null;
        return true;
    }

    /**
     * Once per start: the index the passes read, and, once per database, the flag on aggregates stored before it
     * existed (one scan of each aggregate collection, recorded in {@value #MIGRATIONS} so it is not repeated).
     */
    void prepare() {
        Set<String> collections = aggregateCollections();
        for (String collection : collections) {
            template.indexOps(collection).createIndex(new Index().on(PENDING_FIELD, Sort.Direction.ASC).sparse()
                    .named(PENDING_INDEX)).block(MONGO_TIMEOUT);
        }
        Document done = template.findById(FLAG_MIGRATION, Document.class, MIGRATIONS).block(MONGO_TIMEOUT);
        if (done != null) {
            return;
        }
        long flagged = 0;
        for (String collection : collections) {
            Query unflagged = new Query(new Criteria().andOperator(Criteria.where("outbox.0").exists(true),
                    Criteria.where(PENDING_FIELD).exists(false)));
            Long changed = template.updateMulti(unflagged, new Update().set(PENDING_FIELD, true), collection)
                    .map(result -> result.getModifiedCount()).block(MONGO_TIMEOUT);
            flagged += changed == null ? 0 : changed;
        }
        template.save(new Document("_id", FLAG_MIGRATION).append("at", java.util.Date.from(Instant.now()))
                .append("flagged", flagged), MIGRATIONS).block(MONGO_TIMEOUT);
        if (flagged > 0) {
            log.info("发件箱：{} 个旧聚合文档的待发布事件已标记 ({})", flagged, PENDING_FIELD);
        }
    }

    private void prepareQuietly() {
        try {
            prepare();
        } catch (RuntimeException e) {
            // the passes still work without the index (slower); the old aggregates are flagged at the next start
            log.warn("发件箱索引或旧文档标记未完成，将在下次启动时重试: {}", e.toString());
        }
    }

    private Query pendingQuery() {
        Query query = new Query(Criteria.where(PENDING_FIELD).is(true));
        query.fields().include("_id").include("outbox");
        query.limit(settings.getBatchSize());
        return query;
    }

    /** The collections of every entity that extends AggregateDocument, as the mapping context knows them. */
    private Set<String> aggregateCollections() {
        Set<String> collections = new LinkedHashSet<>();
        for (MongoPersistentEntity<?> entity : template.getConverter().getMappingContext().getPersistentEntities()) {
            if (AggregateDocument.class.isAssignableFrom(entity.getType())) {
                collections.add(entity.getCollection());
            }
        }
        return collections;
    }

    private List<OutboxEvent> outboxOf(Document document) {
        List<OutboxEvent> events = new ArrayList<>();
        Object outbox = document.get("outbox");
        if (outbox instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Document stored) {
                    events.add(template.getConverter().read(OutboxEvent.class, stored));
                }
            }
        }
        return events;
    }

    /**
     * Sends the events found, then removes from each aggregate the prefix of its events that Kafka acknowledged (an
     * event after a failed one stays, so the aggregate's order holds at the next pass).
     *
     * @return how many events were acknowledged and removed
     */
    private int publish(List<Pending> found) {
        Producer<String, byte[]> kafka = producer();
        List<List<Future<RecordMetadata>>> sent = new ArrayList<>();
        for (Pending pending : found) {
            String key = String.valueOf(pending.documentId());
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (OutboxEvent event : pending.events()) {
                acks.add(kafka.send(record(key, event)));
            }
            sent.add(acks);
        }
        Map<String, List<Removal>> removals = new LinkedHashMap<>();
        RuntimeException failure = null;
        int done = 0;
        for (int p = 0; p < found.size(); p++) {
            Pending pending = found.get(p);
            List<Object> acknowledged = new ArrayList<>();
            for (int i = 0; i < pending.events().size(); i++) {
                RuntimeException failed = awaitAck(sent.get(p).get(i));
                if (failed != null) {
                    failure = failure == null ? failed : failure;
                    break;
                }
                acknowledged.add(pending.events().get(i).id());
            }
            if (!acknowledged.isEmpty()) {
                removals.computeIfAbsent(pending.collection(), c -> new ArrayList<>()).add(new Removal(
                        pending.documentId(), acknowledged, acknowledged.size() == pending.events().size()));
                done += acknowledged.size();
            }
        }
        removals.forEach(this::remove);
        published.increment(done);
        if (failure != null) {
            throw failure;
        }
        return done;
    }

    private static RuntimeException awaitAck(Future<RecordMetadata> ack) {
        try {
            ack.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            return new IllegalStateException("send failed: " + e.getMessage(), e);
        }
    }

    /** The published events to remove from one aggregate; {@code whole}: they were its whole outbox when read. */
    record Removal(Object documentId, List<Object> eventIds, boolean whole) {
    }

    /**
     * Removes published events from one collection's aggregates in one bulk write. An outbox that is still exactly the
     * events published (same count, all of them) is emptied and unflagged in the same update; one that changed since
     * the read (the service added events, which must keep the flag) gets an atomic {@code $pull} by event id instead,
     * and loses its flag only if that left it empty.
     *
     * @return how many aggregates needed the one-by-one way
     */
    int remove(String collection, List<Removal> removals) {
        ReactiveBulkOperations bulk = template.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        int whole = 0;
        for (Removal r : removals) {
            if (r.whole()) {
                whole++;
                bulk.updateOne(new Query(Criteria.where("_id").is(r.documentId()).and("outbox").size(r.eventIds().size())
                                .and("outbox._id").all(r.eventIds())),
                        new Update().set("outbox", List.of()).unset(PENDING_FIELD));
            } else {
                bulk.updateOne(new Query(Criteria.where("_id").is(r.documentId())), pull(r.eventIds()));
            }
        }
        BulkWriteResult result = bulk.execute().block(MONGO_TIMEOUT);
        int fallbacks = 0;
        if (whole > 0 && (result == null || result.getMatchedCount() < removals.size())) {
            // some outboxes changed between the read and now (or a document went): those still flagged, one by one
            List<Object> wholeIds = removals.stream().filter(Removal::whole).map(Removal::documentId).toList();
            Query stillFlagged = new Query(Criteria.where("_id").in(wholeIds).and(PENDING_FIELD).is(true));
            stillFlagged.fields().include("_id");
            List<Document> left = template.find(stillFlagged, Document.class, collection).collectList().block(MONGO_TIMEOUT);
            Set<Object> changed = new HashSet<>();
            (left == null ? List.<Document>of() : left).forEach(d -> changed.add(d.get("_id")));
            for (Removal r : removals) {
                if (r.whole() && changed.contains(r.documentId())) {
                    fallbacks++;
                    template.updateFirst(new Query(Criteria.where("_id").is(r.documentId())), pull(r.eventIds()),
                            collection).block(MONGO_TIMEOUT);
                    unflagIfEmpty(collection, r.documentId());
                }
            }
        }
        // a partial removal keeps the events after the failed one, so its flag stays
        return fallbacks;
    }

    /** Events are stored with their id as _id (Spring Data maps a property named id so, nested too). */
    private static Update pull(List<Object> eventIds) {
        return new Update().pull("outbox", new Document("_id", new Document("$in", eventIds)));
    }

    /** Atomic: the flag goes only with an empty outbox, so an event the service added meanwhile keeps it. */
    private void unflagIfEmpty(String collection, Object documentId) {
        template.updateFirst(new Query(Criteria.where("_id").is(documentId).and("outbox").size(0)),
                new Update().unset(PENDING_FIELD), collection).block(MONGO_TIMEOUT);
    }

    ProducerRecord<String, byte[]> record(String key, OutboxEvent event) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.id())
                .withSource(source)
                .withType(event.type())
                .withSubject(event.subject())
                .withTime(event.time().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(event.dataJson().getBytes(StandardCharsets.UTF_8));
        if (event.regionCode() != null) {
            builder.withExtension("regioncode", event.regionCode());
        }
        if (event.traceparent() != null) {
            // the CloudEvents distributed-tracing extension (ce_traceparent) and the W3C header Kafka tracing reads:
            // the consumer's span continues the trace of the request that caused the event
            builder.withExtension("traceparent", event.traceparent());
        }
        CloudEvent cloudEvent = builder.build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(topic, key).writeBinary(cloudEvent);
        if (event.traceparent() != null) {
            record.headers().add(CloudEventHeaders.W3C_TRACEPARENT, event.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producerFactory.get();
        }
        return producer;
    }

    private void closeProducer() {
        Producer<String, byte[]> current = producer;
        producer = null;
        if (current != null) {
            try {
                current.close(Duration.ZERO);
            } catch (RuntimeException ignored) {
                // closing a broken producer may fail too; it is dropped either way
            }
        }
    }

    /** The producer settings the relay relies on for ordering and no loss. */
    static Map<String, Object> producerOverrides(MessagingProperties.Relay settings) {
        long delivery = Math.max(1000, settings.getDeliveryTimeout().toMillis());
        return Map.of(
                "acks", "all",
                "enable.idempotence", "true",
                "max.in.flight.requests.per.connection", "5",
                "retries", String.valueOf(Integer.MAX_VALUE),
                // delivery.timeout.ms must cover request.timeout.ms + linger.ms
                "request.timeout.ms", String.valueOf(Math.min(10_000, delivery / 2)),
                "delivery.timeout.ms", String.valueOf(delivery),
                "max.block.ms", String.valueOf(Math.min(10_000, delivery)),
                "linger.ms", "0");
    }
}
