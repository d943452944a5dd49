package org.jingban.notification.channel.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.jingban.enrollment.api.PersonEvents;
import org.jingban.notification.NotificationApplication;
import org.jingban.notification.channel.AliyunSmsChannel;
import org.jingban.notification.channel.ChannelKind;
import org.jingban.notification.channel.ProviderException;
import org.jingban.notification.channel.ProviderGateway;
import org.jingban.notification.intake.CaseEventIntake;
import org.jingban.notification.it.CaseEventPublisher;
import org.jingban.notification.message.Delivery;
import org.jingban.notification.message.DeliveryStatus;
import org.jingban.notification.message.Notification;
import org.jingban.notification.recipient.ContactBook;
import org.jingban.notification.recipient.RecipientContact;
import org.jingban.platform.calendar.WorkingDayCalendar;
import org.jingban.platform.cases.ActorRole;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.MaterialStatus;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.StageKind;
import org.jingban.platform.cases.SubmitCase;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.messaging.OutboxEvent;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.test.JingbanInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * notification-service with SMS and WeChat switched to their real clients ({@code transport: live}) against local
 * fakes of Aliyun and WeChat that check every signature and body, on the embedded broker and store: the person's
 * phone comes from enrollment's person event, the case's SMS reaches Aliyun once across throttling, a phone change and
 * a restart that reads every event again; WeChat that cannot reach the user hands the message to SMS.
 */
class LiveProvidersEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String WUWEI = "620600";
    static final String DATABASE = "notification-live-it";
    static final CaseActor CLERK = CaseActor.staff("clerk-l1", "李受理", ActorRole.CLERK, WUWEI, "620621");
    static final CaseActor REVIEWER = CaseActor.staff("reviewer-l1", "王审核", ActorRole.REVIEWER, WUWEI, "620621");
    static final CaseActor DIRECTOR = CaseActor.staff("director-l1", "钱主任", ActorRole.DIRECTOR, WUWEI, "620621");
    static final Instant APPLIED = OffsetDateTime.parse("2026-11-23T09:00:00+08:00").toInstant();
    static final AtomicInteger PEOPLE = new AtomicInteger(700 + ThreadLocalRandom.current().nextInt(200));

    static FakeAliyunSms aliyun;
    static FakeWeChat wechat;
    static ConfigurableApplicationContext app;
    CaseEventPublisher publisher;

    @BeforeAll
    static void providersAndService() {
        aliyun = new FakeAliyunSms();
        wechat = new FakeWeChat();
        app = start("notification-live-" + UUID.randomUUID());
    }

    @AfterAll
    static void stopAll() {
        if (app != null) {
            app.close();
        }
        aliyun.close();
        wechat.close();
    }

    @BeforeEach
    void publisher() {
        publisher = new CaseEventPublisher();
    }

    @AfterEach
    void closePublisher() {
        publisher.close();
    }

    /** The one configuration change per channel: {@code transport: live}, plus the provider's credentials. */
    static ConfigurableApplicationContext start(String consumerGroup) {
        return new SpringApplicationBuilder(NotificationApplication.class).run(
                "--spring.kafka.bootstrap-servers=" + JingbanInfrastructure.get().bootstrapServers(),
                "--spring.mongodb.uri=" + JingbanInfrastructure.get().mongoUri(),
                "--spring.mongodb.database=" + DATABASE,
                "--server.port=0",
                "--jingban.messaging.relay.enabled=false",
                "--jingban.notification.consumer-group=" + consumerGroup,
                "--spring.kafka.consumer.properties.metadata.max.age.ms=500",
                "--jingban.notification.dispatch.poll-interval=100ms",
                "--jingban.notification.dispatch.initial-backoff=100ms",
                "--jingban.notification.dispatch.max-backoff=200ms",
                "--jingban.notification.dispatch.max-attempts=4",
                "--jingban.notification.quiet-hours.enabled=false",
                "--jingban.notification.digest.cron=-",
                "--jingban.notification.sms.transport=live",
                "--jingban.notification.sms.endpoint=" + aliyun.baseUrl() + "/",
                "--jingban.notification.sms.access-key-id=" + FakeAliyunSms.KEY_ID,
                "--jingban.notification.sms.access-key-secret=" + aliyun.secret,
                "--jingban.notification.wechat.transport=live",
                "--jingban.notification.wechat.api-base=" + wechat.baseUrl(),
                "--jingban.notification.wechat.app-id=" + FakeWeChat.APP_ID,
                "--jingban.notification.wechat.app-secret=" + wechat.secret);
    }

    @Test
    void the_registered_phone_gets_one_sms_from_aliyun_across_throttling_a_phone_change_and_a_restart() {
        String person = TestIdentities.idNumber(PEOPLE.incrementAndGet());
        String before = mobile();
        String after = mobile();
        publishPerson(PersonEvents.ENROLLED, person, "增加", before);
        awaitMobile(person, before);
        aliyun.script(before, "isv.BUSINESS_LIMIT_CONTROL", "isv.BUSINESS_LIMIT_CONTROL");

        Case first = completedTransfer(person, "林一");
        publisher.publishNew(first, "transfer-service");

        Notification sent = awaitNotification(first.getId() + ":completed",
                n -> n.delivery(ChannelKind.SMS).getStatus() == DeliveryStatus.SENT);
        assertThat(sent.delivery(ChannelKind.SMS).getAttempts()).isEqualTo(3);
        assertThat(sent.delivery(ChannelKind.SMS).getProviderMessageId()).endsWith("^0");
        assertThat(aliyun.acceptedFor(before)).isEqualTo(1);
        assertThat(requestsFor(before)).extracting(FakeProvider.Received::verdict)
                .containsExactly("isv.BUSINESS_LIMIT_CONTROL", "isv.BUSINESS_LIMIT_CONTROL", "OK");
        Map<String, String> params = aliyun.sent.stream().filter(p -> before.equals(p.get("PhoneNumbers"))).findFirst()
                .orElseThrow();
        assertThat(params).containsEntry("OutId", first.getId() + ":completed:SMS")
                .containsEntry("SignName", "武威市医疗保障局（市医保局窗口）");

        // 电话号码新增和更改: the next case's SMS goes to the new phone
        publishPerson(PersonEvents.CHANGED, person, "参保人员电话号码新增和更改", after);
        awaitMobile(person, after);
        Case second = completedTransfer(person, "林一");
        publisher.publishNew(second, "transfer-service");
        awaitNotification(second.getId() + ":completed", n -> n.delivery(ChannelKind.SMS).getStatus() == DeliveryStatus.SENT);
        assertThat(aliyun.acceptedFor(after)).isEqualTo(1);
        assertThat(aliyun.acceptedFor(before)).isEqualTo(1);

        // a restart that has lost its offsets reads every event again: Aliyun gets nothing more
        int requestsBefore = aliyun.received.size();
        long notifications = mongo().count(new Query(), Notification.class).block();
        app.close();
        app = start("notification-live-restart-" + UUID.randomUUID());
        CaseEventIntake intake = app.getBean(CaseEventIntake.class);
        await().atMost(WAIT).until(() -> intake.duplicatesSuppressed() >= notifications);
        assertThat(aliyun.received).hasSize(requestsBefore);
        assertThat(aliyun.acceptedFor(before)).isEqualTo(1);
        assertThat(aliyun.acceptedFor(after)).isEqualTo(1);

        // and a send repeated after a crash between Aliyun's answer and the delivery's record (the lease ran out)
        // finds the call in the send journal: the same BizId, no second request
        Notification n = mongo().findById(first.getId() + ":completed", Notification.class).block();
        Delivery sms = n.delivery(ChannelKind.SMS);
        var message = n.outgoing(sms);
        var request = app.getBean(AliyunSmsChannel.class).request(message);
        String again = app.getBean(ProviderGateway.class).send(request, message, message.deliveryKey()).block(WAIT);
        assertThat(again).isEqualTo(sms.getProviderMessageId());
        assertThat(aliyun.received).hasSize(requestsBefore);
    }

    @Test
    void a_call_whose_outcome_is_unknown_is_not_repeated_until_ops_release_it() {
        String person = TestIdentities.idNumber(PEOPLE.incrementAndGet());
        String phone = mobile();
        Notification n = Notification.rendered("case-" + UUID.randomUUID(), "620600-20261123-" + serial(), "622036003002",
                "转移接续手续办理", WUWEI, "completed", UUID.randomUUID().toString(), "jingban.case.completed.v1", person,
                Party.Kind.PERSON, "林二", "武威市医疗保障局（市医保局窗口）", null, Channel.PORTAL, "【武威】您的转移接续已完成。",
                Map.of("称呼", "林二"), false, List.of(new Delivery(ChannelKind.SMS, phone, Instant.now(), false)), Instant.now());
        var message = n.outgoing(n.delivery(ChannelKind.SMS));
        var request = app.getBean(AliyunSmsChannel.class).request(message);
        ProviderGateway gateway = app.getBean(ProviderGateway.class);
        // the call began and its answer never came (a crash during it): the journal says IN_FLIGHT
        SendJournal journal = new SendJournal(mongo(), java.time.Clock.systemUTC());
        assertThat(journal.begin(message.deliveryKey(), "aliyun-sms").block()).isTrue();

        ProviderException unknown = org.assertj.core.api.Assertions.catchThrowableOfType(ProviderException.class,
                () -> gateway.send(request, message, message.deliveryKey()).block(WAIT));
        assertThat(unknown.disposition()).isEqualTo(ProviderException.Disposition.UNKNOWN);
        assertThat(aliyun.acceptedFor(phone)).isZero();

        assertThat(gateway.release(message.deliveryKey()).block()).isTrue();
        gateway.send(request, message, message.deliveryKey()).block(WAIT);
        gateway.send(request, message, message.deliveryKey()).block(WAIT);
        assertThat(aliyun.acceptedFor(phone)).isEqualTo(1);
    }

    @Test
    void wechat_that_cannot_reach_the_user_hands_the_message_to_sms() {
        String person = TestIdentities.idNumber(PEOPLE.incrementAndGet());
        String phone = mobile();
        String openId = "oWx-" + UUID.randomUUID();
        publishPerson(PersonEvents.ENROLLED, person, "增加", phone);
        awaitMobile(person, phone);
        app.getBean(ContactBook.class).saveOwn(person, openId, null, ChannelKind.WECHAT, null).block(WAIT);
        wechat.script(openId, "43101"); // 用户拒收（未订阅）

        Case transfer = completedTransfer(person, "林三");
        publisher.publishNew(transfer, "transfer-service");

        Notification n = awaitNotification(transfer.getId() + ":completed", x -> x.getDeliveries().stream()
                .anyMatch(d -> d.getChannel() == ChannelKind.SMS && d.getStatus() == DeliveryStatus.SENT));
        assertThat(n.delivery(ChannelKind.WECHAT).getStatus()).isEqualTo(DeliveryStatus.DEAD);
        assertThat(n.delivery(ChannelKind.WECHAT).getLastError()).contains("43101").contains("改由短信发送");
        assertThat(wechat.acceptedFor(openId)).isZero();
        assertThat(aliyun.acceptedFor(phone)).isEqualTo(1);
    }

    // ------------------------------------------------------------------ helpers

    static ReactiveMongoTemplate mongo() {
        return app.getBean(ReactiveMongoTemplate.class);
    }

    List<FakeProvider.Received> requestsFor(String phone) {
        return aliyun.received.stream().filter(r -> r.body().contains("PhoneNumbers=" + phone)).toList();
    }

    void publishPerson(String type, String person, String what, String phone) {
        PersonEvents.Person data = new PersonEvents.Person("P-" + person, person, "参保人", what, WUWEI, List.of(), null,
                phone);
        publisher.send("P-" + person, OutboxEvent.of(type, "P-" + person, WUWEI, data), "enrollment-service");
    }

    static void awaitMobile(String person, String mobile) {
        await().atMost(WAIT).until(() -> mongo().findById(person, RecipientContact.class).block(),
                c -> c != null && mobile.equals(c.mobile()));
    }

    static Notification awaitNotification(String id, java.util.function.Predicate<Notification> condition) {
        return await().atMost(WAIT).until(() -> mongo().findById(id, Notification.class).block(),
                n -> n != null && condition.test(n));
    }

    static Case completedTransfer(String person, String name) {
        Catalog catalog = app.getBean(Catalog.class);
        WorkingDayCalendar calendar = app.getBean(WorkingDayCalendar.class);
        ItemDefinition item = catalog.item("622036003002", WUWEI);
        Case c = Case.submit(UUID.randomUUID().toString(), "620600-20261123-" + serial(), item,
                SubmitCase.of(item.code(), WUWEI, Channel.PORTAL, Party.person(person, name),
                        Map.of("姓名", name, "转出地医保(行政)区划代码", "513224"),
                        item.materials().stream().map(m -> MaterialStatus.provided(m.name())).toList()), APPLIED);
        Instant at = APPLIED.plusSeconds(3600);
        c.accept(CLERK, at, calendar).events();
        while (c.getCurrentStage().kind() != StageKind.COMPLETION) {
            at = at.plusSeconds(3600);
            CaseActor actor = c.getCurrentStage().kind() == StageKind.REVIEW ? REVIEWER : DIRECTOR;
            c.advance(actor, c.currentStageName(), null, at, calendar).events();
        }
        c.complete(CLERK, Map.of(), at.plusSeconds(3600)).events();
        return c;
    }

    static String mobile() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String serial() {
        return String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }
}
