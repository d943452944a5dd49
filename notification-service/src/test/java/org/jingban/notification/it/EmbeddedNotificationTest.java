package org.jingban.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.notification.NotificationApplication;
import org.jingban.notification.recipient.RecipientContact;
import org.jingban.notification.channel.ChannelKind;
import org.jingban.notification.channel.SinkRecord;
import org.jingban.notification.message.Delivery;
import org.jingban.notification.message.DeliveryStatus;
import org.jingban.notification.message.Notification;
import org.jingban.platform.calendar.WorkingDayCalendar;
import org.jingban.platform.cases.ActorRole;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.MaterialStatus;
import org.jingban.platform.cases.Outcome;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.StageKind;
import org.jingban.platform.cases.SubmitCase;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.security.test.TestTokens;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring context of this module's integration tests (shared by every subclass: same configuration), on the
 * real embedded broker and store, with helpers that publish case events as the services do.
 */
@SpringBootTest(classes = NotificationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "jingban.notification.consumer-group=notification-it",
                "spring.kafka.consumer.properties.metadata.max.age.ms=500",
                "jingban.notification.dispatch.poll-interval=100ms",
                "jingban.notification.dispatch.initial-backoff=100ms",
                "jingban.notification.dispatch.max-backoff=200ms",
                "jingban.notification.dispatch.max-attempts=4",
                "jingban.notification.digest.cron=-"
        })
@AutoConfigureWebTestClient
@WithJingbanInfrastructure(database = "notification-it")
@Import(NotificationTestBeans.class)
abstract class EmbeddedNotificationTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String WUWEI = "620600";
    static final String WUWEI_OFFICE = "【武威市医疗保障局（市医保局窗口）】";
    static final CaseActor CLERK = CaseActor.staff("clerk-n1", "李受理", ActorRole.CLERK, WUWEI, "620621");
    static final CaseActor REVIEWER = CaseActor.staff("reviewer-n1", "王审核", ActorRole.REVIEWER, WUWEI, "620621");
    static final CaseActor DIRECTOR = CaseActor.staff("director-n1", "钱主任", ActorRole.DIRECTOR, WUWEI, "620621");
    static final CaseActor FINANCE = CaseActor.staff("finance-n1", "赵复核", ActorRole.FINANCE, WUWEI, "620621");
    /** Monday 23 November 2026, 09:00 in Wuwei: the day the applications come in. */
    static final Instant APPLIED = OffsetDateTime.parse("2026-11-23T09:00:00+08:00").toInstant();

    CaseEventPublisher publisher;

    @Autowired
    WebTestClient http;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    Catalog catalog;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    TestClock clock;
    @Autowired
    FlakyGateway gateway;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void daytimeAndAPublisher() {
        clock.setTo("2026-11-24T10:00:00");
        publisher = new CaseEventPublisher();
    }

    @AfterEach
    void closePublisher() {
        publisher.close();
    }

    // ------------------------------------------------------------------ helpers

    /** A 转移接续 (622036003002) in 武威, applied for on 23 November, walked through its chain to 办结. */
    Case completedTransfer(String person, String name) {
        return completedCase("622036003002", person, name, Map.of(), APPLIED);
    }

    /** An application for the item in 武威, walked through its chain to 办结. */
    Case completedCase(String itemCode, String person, String name, Map<String, Object> details, Instant applied) {
        return completedCase(itemCode, Party.person(person, name), details, applied);
    }

    /** An application of the party (a person, a unit, an institution) for the item in 武威, walked to 办结. */
    Case completedCase(String itemCode, Party applicant, Map<String, Object> details, Instant applied) {
        String name = applicant.name();
        ItemDefinition item = catalog.item(itemCode, WUWEI);
        Case c = Case.submit(UUID.randomUUID().toString(), "620600-20261123-" + serial(), item,
                SubmitCase.of(item.code(), WUWEI, Channel.PORTAL, applicant,
                        Map.of("姓名", name, "转出地医保(行政)区划代码", "513224"),
                        item.materials().stream().map(m -> MaterialStatus.provided(m.name())).toList()), applied);
        Instant at = applied.plusSeconds(3600);
        done(c.accept(CLERK, at, calendar));
        while (c.getCurrentStage().kind() != StageKind.COMPLETION) {
            at = at.plusSeconds(3600);
            done(c.advance(actorFor(c.getCurrentStage().kind()), c.currentStageName(), null, at, calendar));
        }
        done(c.complete(CLERK, details, at.plusSeconds(3600)));
        return c;
    }

    static CaseActor actorFor(StageKind kind) {
        return switch (kind) {
            case REVIEW -> REVIEWER;
            case FINANCE_REVIEW, PAYMENT -> FINANCE;
            default -> DIRECTOR;
        };
    }

    static void done(Outcome outcome) {
        outcome.events(); // throws with the refusal's reasons
    }

    static org.jingban.platform.messaging.OutboxEvent last(Case c) {
        return c.getOutbox().get(c.getOutbox().size() - 1);
    }

    /**
     * The person registers (参保登记) with this 联系电话: enrollment publishes the person, notification-service keeps
     * the mobile — nobody touches {@code /me/contact}.
     */
    void registerMobile(String person, String mobile) {
        publishPerson(PersonEvents.ENROLLED, person, "增加", mobile);
        awaitMobile(person, mobile);
    }

    /** A person event as enrollment-service publishes it (the whole person, with its 联系电话). */
    org.jingban.platform.messaging.OutboxEvent publishPerson(String type, String person, String what, String phone) {
        PersonEvents.Person data = new PersonEvents.Person("P-" + person, person, "参保人", what, WUWEI, List.of(), null,
                phone);
        org.jingban.platform.messaging.OutboxEvent event = org.jingban.platform.messaging.OutboxEvent.of(type,
                "P-" + person, WUWEI, data);
        publisher.send("P-" + person, event, "enrollment-service");
        return event;
    }

    /**
     * Publishes the case's events as its service's relay would, the completion stamped {@code completedAt} (the
     * kernel stamps the completed event when the case completes: here a later day than the application).
     */
    void publishCompletedAt(Case c, String service, Instant completedAt) {
        for (org.jingban.platform.messaging.OutboxEvent e : c.getOutbox()) {
            org.jingban.platform.messaging.OutboxEvent sent = e.type().equals(org.jingban.platform.cases.CaseEvents.COMPLETED)
                    ? new org.jingban.platform.messaging.OutboxEvent(e.id(), e.type(), e.subject(), e.regionCode(),
                    completedAt, e.dataJson())
                    : e;
            publisher.send(c.getId(), sent, service);
        }
    }

    /**
     * Publishes the case's events with the completion stamped at the time the case completed on its own timeline
     * (this harness walks cases at chosen instants, the kernel stamps events with the wall clock; in a service both
     * are the same clock).
     */
    void publishAsCompleted(Case c, String service) {
        publishCompletedAt(c, service, c.getHistory().get(c.getHistory().size() - 1).time());
    }

    /** A unit event as enrollment-service publishes it (单位参保登记, 单位参保信息变更登记), with its contact phone. */
    org.jingban.platform.messaging.OutboxEvent publishUnit(String type, String uscc, String contactPhone) {
        org.jingban.enrollment.api.UnitEvents.Unit data = new org.jingban.enrollment.api.UnitEvents.Unit("U-" + uscc,
                uscc, "武威市凉州区测试商贸有限公司", WUWEI, contactPhone);
        org.jingban.platform.messaging.OutboxEvent event = org.jingban.platform.messaging.OutboxEvent.of(type,
                "U-" + uscc, WUWEI, data);
        publisher.send("U-" + uscc, event, "enrollment-service");
        return event;
    }

    /** An agreement event as designated-institution-service publishes it, with the institution's 联系人手机号. */
    org.jingban.platform.messaging.OutboxEvent publishAgreement(String type, String code, String creditCode,
                                                                String contactPhone) {
        org.jingban.designation.api.AgreementEvents.Agreement data = new org.jingban.designation.api.AgreementEvents.Agreement(
                "YBXY-" + code + "-20261120", code, creditCode, "凉州惠民医院", "MEDICAL_INSTITUTION", WUWEI, "620602",
                "二级", List.of("OUTPATIENT", "INPATIENT"), List.of(), "ACTIVE", java.time.LocalDate.of(2026, 11, 20),
                java.time.LocalDate.of(2029, 11, 19), null, null, null, null, null, contactPhone);
        org.jingban.platform.messaging.OutboxEvent event = org.jingban.platform.messaging.OutboxEvent.of(type,
                "agreement-" + code, WUWEI, data);
        publisher.send("agreement-" + code, event, "designated-institution-service");
        return event;
    }

    RecipientContact awaitMobileThat(String party, java.util.function.Predicate<String> mobile) {
        return await().atMost(WAIT).until(() -> mongo.findById(party, RecipientContact.class).block(),
                c -> c != null && mobile.test(c.mobile()) && c.mobileAt() != null);
    }

    RecipientContact awaitMobile(String person, String mobile) {
        return await().atMost(WAIT).until(() -> mongo.findById(person, RecipientContact.class).block(),
                c -> c != null && java.util.Objects.equals(c.mobile(), mobile) && c.mobileAt() != null);
    }

    SinkRecord awaitSink(String deliveryKey) {
        return await().atMost(WAIT).until(() -> mongo.findById(deliveryKey, SinkRecord.class).block(), r -> r != null);
    }

    Notification awaitNotification(String id, java.util.function.Predicate<Notification> condition) {
        return await().atMost(WAIT).until(() -> mongo.findById(id, Notification.class).block(),
                n -> n != null && condition.test(n));
    }

    List<SinkRecord> sinkRecordsOf(String caseId) {
        return mongo.find(new Query(Criteria.where("caseId").is(caseId)), SinkRecord.class).collectList().block();
    }

    double duplicates() {
        var counter = meters.find("jingban.notifications.duplicates").counter();
        return counter == null ? 0 : counter.count();
    }

    static final java.util.concurrent.atomic.AtomicInteger PEOPLE = new java.util.concurrent.atomic.AtomicInteger(
            ThreadLocalRandom.current().nextInt(500));

    /** A valid 证件号码 no other test of this JVM uses. */
    static String idNumber() {
        return TestIdentities.idNumber(PEOPLE.incrementAndGet());
    }

    static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String serial() {
        return String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }
}
