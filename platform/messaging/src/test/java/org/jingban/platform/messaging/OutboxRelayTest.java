package org.jingban.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.jingban.platform.messaging.MessagingTestApplication.Accepted;
import org.jingban.platform.messaging.MessagingTestApplication.TestApplication;
import org.jingban.platform.test.CloudEventRecord;
import org.jingban.platform.test.EventProbe;
import org.jingban.platform.test.JingbanInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

@MessagingTest
class OutboxRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Autowired
    OutboxRelay relay;

    @Test
    void events_saved_with_an_aggregate_are_published_as_cloud_events_and_leave_the_document() {
        try (EventProbe probe = JingbanInfrastructure.get().probe(MessagingTest.TOPIC)) {
            // given an application accepted in 凉州区 (620602), saved with its event in one write
            String id = "app-" + UUID.randomUUID();
            TestApplication application = new TestApplication(id);
            application.accept("620602", 1);
            OutboxEvent event = application.getOutbox().get(0);
            mongo.save(application).block();

            // then the event is on the service's topic, keyed by the aggregate, with every CloudEvents attribute
            CloudEventRecord published = probe.awaitEvent(e -> event.id().equals(e.id()), WAIT);
            assertThat(published.key()).isEqualTo(id);
            assertThat(published.header("ce_specversion")).isEqualTo("1.0");
            assertThat(published.source()).isEqualTo("/jingban/messaging-test");
            assertThat(published.type()).isEqualTo("jingban.test.application.accepted.v1");
            assertThat(published.subject()).isEqualTo(id);
            assertThat(published.regionCode()).isEqualTo("620602");
            assertThat(published.time()).isEqualTo(event.time());
            assertThat(published.dataContentType()).isEqualTo("application/json");
            assertThat(published.data(Accepted.class)).isEqualTo(new Accepted(id, 1));

            // and it leaves the document, with the flag the relay finds pending aggregates by, while the rest stays
            await().atMost(WAIT).until(() -> outboxSize(id) == 0 && !raw(id).containsKey(OutboxRelay.PENDING_FIELD));
            assertThat(mongo.findById(id, TestApplication.class).block().status).isEqualTo("受理");
        }
    }

    @Test
    void one_aggregates_events_arrive_in_the_order_they_were_enqueued() {
        try (EventProbe probe = JingbanInfrastructure.get().probe(MessagingTest.TOPIC)) {
            // given two aggregates with five events each
            String first = "app-" + UUID.randomUUID();
            String second = "app-" + UUID.randomUUID();
            TestApplication a = new TestApplication(first);
            TestApplication b = new TestApplication(second);
            for (int step = 1; step <= 5; step++) {
                a.accept("620602", step);
                b.accept("620621", step);
            }
            mongo.save(a).block();
            mongo.save(b).block();

            // then each aggregate's events come in order 1..5
            probe.awaitEvents(e -> first.equals(e.key()) || second.equals(e.key()), 10, WAIT);
            assertThat(steps(probe, first)).containsExactly(1, 2, 3, 4, 5);
            assertThat(steps(probe, second)).containsExactly(1, 2, 3, 4, 5);
        }
    }

    @Test
    void events_saved_while_the_broker_is_down_all_arrive_once_it_is_back() {
        JingbanInfrastructure infrastructure = JingbanInfrastructure.get();
        try (EventProbe probe = infrastructure.probe(MessagingTest.TOPIC)) {
            // given the broker is down
            infrastructure.kafka().stop();
            List<String> ids = List.of("app-" + UUID.randomUUID(), "app-" + UUID.randomUUID(), "app-" + UUID.randomUUID());
            try {
                // when three applications are accepted meanwhile
                for (String id : ids) {
                    TestApplication application = new TestApplication(id);
                    application.accept("620602", 1);
                    mongo.save(application).block();
                }
                // then the relay's sends fail, and the events wait in the documents and show in the gauge
                double failuresBefore = counter("jingban.outbox.publish.failures");
                await().atMost(WAIT).until(() -> counter("jingban.outbox.publish.failures") > failuresBefore);
                assertThat(ids).allSatisfy(id -> assertThat(outboxSize(id)).isEqualTo(1));
                await().atMost(WAIT).until(() -> gauge("jingban.outbox.pending") >= 1);
            } finally {
                infrastructure.kafka().restart();
            }

            // and when the broker is back, every one of them arrives and leaves its document
            probe.awaitEvents(e -> ids.contains(e.key()), 3, WAIT);
            await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> outboxSize(id) == 0));
            assertThat(probe.events().stream().filter(e -> ids.contains(e.key())).map(CloudEventRecord::key).distinct())
                    .containsExactlyInAnyOrderElementsOf(ids);
            await().atMost(WAIT).until(() -> gauge("jingban.outbox.pending") == 0);
        }
    }

    @Test
    void events_of_an_aggregate_stored_before_the_pending_flag_existed_are_published_after_a_start() {
        try (EventProbe probe = JingbanInfrastructure.get().probe(MessagingTest.TOPIC)) {
            // given an aggregate with a pending event as an older version stored it: no outboxPending flag
            String id = "app-" + UUID.randomUUID();
            TestApplication application = new TestApplication(id);
            application.accept("620602", 1);
            Document stored = new Document();
            mongo.getConverter().write(application, stored);
            stored.remove(OutboxRelay.PENDING_FIELD);
            mongo.insert(stored, "test_applications").block();
            mongo.remove(new Query(Criteria.where("_id").is(OutboxRelay.FLAG_MIGRATION)), OutboxRelay.MIGRATIONS).block();

            // when the relay prepares as at a start (the index, the one-time flagging of older aggregates)
            relay.prepare();

            // then the event is published and leaves the document, and the flagging is recorded as done
            probe.awaitEvent(e -> id.equals(e.key()), WAIT);
            await().atMost(WAIT).until(() -> outboxSize(id) == 0 && !raw(id).containsKey(OutboxRelay.PENDING_FIELD));
            assertThat(mongo.findById(OutboxRelay.FLAG_MIGRATION, Document.class, OutboxRelay.MIGRATIONS).block())
                    .containsEntry("flagged", 1L);
        }
    }

    @Test
    void a_flag_left_on_an_empty_outbox_is_removed_by_the_next_pass() {
        // given an aggregate flagged pending with nothing in its outbox (a relay stopped between its two updates)
        String id = "app-" + UUID.randomUUID();
        mongo.insert(new Document("_id", id).append("outbox", List.of()).append(OutboxRelay.PENDING_FIELD, true),
                "test_applications").block();

        // then a pass removes the flag
        await().atMost(WAIT).until(() -> !raw(id).containsKey(OutboxRelay.PENDING_FIELD));
    }

    @Test
    void published_events_leave_an_unchanged_outbox_in_one_update_and_a_changed_one_keeps_what_was_added() {
        // a collection the running relay does not scan, so that only these calls touch it
        String collection = "relay_removal_test";
        String unchanged = "a-" + UUID.randomUUID();
        String grown = "b-" + UUID.randomUUID();
        String failedMidway = "c-" + UUID.randomUUID();
        mongo.insert(pending(unchanged, "e1", "e2"), collection).block();
        mongo.insert(pending(grown, "e1", "e2", "e3"), collection).block();   // e3 added after the relay read e1, e2
        mongo.insert(pending(failedMidway, "e1", "e2"), collection).block();

        // when the relay removes what Kafka acknowledged: all it read of the first two, only e1 of the third
        int oneByOne = relay.remove(collection, List.of(
                new OutboxRelay.Removal(unchanged, List.of("e1", "e2"), true),
                new OutboxRelay.Removal(grown, List.of("e1", "e2"), true),
                new OutboxRelay.Removal(failedMidway, List.of("e1"), false)));

        // then the unchanged outbox is emptied and unflagged; the grown one keeps e3 and its flag; the third keeps e2
        assertThat(outbox(collection, unchanged)).isEmpty();
        assertThat(raw(collection, unchanged)).doesNotContainKey(OutboxRelay.PENDING_FIELD);
        assertThat(outbox(collection, grown)).containsExactly("e3");
        assertThat(raw(collection, grown)).containsEntry(OutboxRelay.PENDING_FIELD, true);
        assertThat(outbox(collection, failedMidway)).containsExactly("e2");
        assertThat(raw(collection, failedMidway)).containsEntry(OutboxRelay.PENDING_FIELD, true);
        // and only the grown outbox needed the one-by-one way: the store matched the conditional bulk update
        assertThat(oneByOne).isEqualTo(1);
    }

    private static Document pending(String id, String... eventIds) {
        List<Document> events = java.util.Arrays.stream(eventIds).map(e -> new Document("_id", e).append("type", "t"))
                .toList();
        return new Document("_id", id).append("outbox", events).append(OutboxRelay.PENDING_FIELD, true);
    }

    private List<Object> outbox(String collection, String id) {
        return raw(collection, id).getList("outbox", Document.class).stream().map(d -> d.get("_id")).toList();
    }

    private Document raw(String collection, String id) {
        return mongo.findOne(new Query(Criteria.where("_id").is(id)), Document.class, collection).block();
    }

    private Document raw(String id) {
        return mongo.findOne(new Query(Criteria.where("_id").is(id)), Document.class, "test_applications").block();
    }

    private static List<Integer> steps(EventProbe probe, String key) {
        return probe.events().stream().filter(e -> key.equals(e.key()))
                .map(e -> e.data(Accepted.class).step()).toList();
    }

    private int outboxSize(String id) {
        Document raw = raw(id);
        List<?> outbox = raw == null ? null : raw.getList("outbox", Object.class);
        return outbox == null ? 0 : outbox.size();
    }

    private double counter(String name) {
        return meters.get(name).tag("topic", MessagingTest.TOPIC).counter().count();
    }

    private double gauge(String name) {
        return meters.get(name).tag("topic", MessagingTest.TOPIC).gauge().value();
    }
}
