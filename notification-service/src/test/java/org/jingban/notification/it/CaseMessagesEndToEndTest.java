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
import org.jingban.notification.NotificationApplication;
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
import org.junit.jupiter.api.AfterAll;
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
 * Case events published as the services publish them (the real case aggregate, its outbox sent as binary
 * CloudEvents on jingban.transfer.events and jingban.enrollment.events), through the real embedded broker and store,
 * to the messages in the local sink and the inbox.
 */
class CaseMessagesEndToEndTest extends EmbeddedNotificationTest {

    // ------------------------------------------------------------------ scenarios

    @Test
    void a_completed_transfer_sends_exactly_one_sms_with_the_catalog_text_even_when_its_event_comes_twice() {
        String person = idNumber();
        String mobile = mobile();
        registerMobile(person, mobile);
        double duplicatesBefore = duplicates();

        Case transfer = completedTransfer(person, "张三");
        publisher.publishNew(transfer, "transfer-service");
        // the relay may publish an event twice (ADR messaging): send the completion again, same id
        publisher.send(transfer.getId(), last(transfer), "transfer-service");

        SinkRecord sms = awaitSink(transfer.getId() + ":completed:SMS");
        await().atMost(WAIT).until(() -> duplicates() > duplicatesBefore);

        assertThat(sinkRecordsOf(transfer.getId())).extracting(SinkRecord::channel).containsExactly("SMS");
        // 武威 prints the consult phone of 转移接续手续办理: 0935-2116031
        assertThat(sms.text()).isEqualTo(WUWEI_OFFICE + "尊敬的张三,您于2026年11月23日办理的转移接续已完成。"
                + "如有疑问，请咨询0935-2116031。");
        assertThat(sms.endpoint()).isEqualTo("https://dysmsapi.aliyuncs.com/");
        assertThat(sms.request()).containsEntry("Action", "SendSms").containsEntry("PhoneNumbers", mobile)
                .containsEntry("OutId", transfer.getId() + ":completed:SMS");
        assertThat((String) sms.request().get("TemplateParam")).contains("\"name\":\"张三\"", "\"date\":\"2026年11月23日\"",
                "\"phone\":\"0935-2116031\"");

        // the same text is in the applicant's inbox, and only theirs
        http.get().uri("/api/v1/notifications/me").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(person))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].text").isEqualTo(sms.text())
                .jsonPath("$.items[0].caseNumber").isEqualTo(transfer.getCaseNumber());
        http.get().uri("/api/v1/notifications/me").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(idNumber()))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void a_service_publishing_on_a_topic_nobody_used_before_is_heard_and_its_amount_is_in_the_message() {
        // reimbursement-service's topic appears only now: the pattern subscription finds it, no change here
        String person = idNumber();
        registerMobile(person, mobile());
        Case inpatient = completedCase("622036006002", person, "钱十三",
                Map.of("amount", new java.math.BigDecimal("1234.50")),
                OffsetDateTime.parse("2026-09-01T09:00:00+08:00").toInstant()); // its limit runs into 2027 otherwise
        // completed the day it was applied for: "您于****年**月**日已完成住院费用报销" prints the completion's day
        publishAsCompleted(inpatient, "reimbursement-service");

        SinkRecord sms = awaitSink(inpatient.getId() + ":completed:SMS");
        // 武威 prints 0935-2116040 for 住院费用报销
        assertThat(sms.text()).isEqualTo(WUWEI_OFFICE + "尊敬的钱十三,您于2026年09月01日已完成住院费用报销，"
                + "报销金额1234.50元。如有疑问，请咨询0935-2116040。");
    }

    @Test
    void a_key_change_without_its_material_is_refused_and_the_sms_gives_the_reason() {
        String person = idNumber();
        String mobile = mobile();
        registerMobile(person, mobile);
        ItemDefinition change = catalog.item("622036001005", WUWEI);
        String keyMaterial = change.materials().stream().filter(m -> m.name().contains("关键信息")).findFirst()
                .orElseThrow().name();
        Case c = Case.submit(UUID.randomUUID().toString(), "620600-20261123-" + serial(), change,
                SubmitCase.of(change.code(), WUWEI, Channel.PORTAL, Party.person(person, "李四"),
                        Map.of("变更项目", "姓名"),
                        List.of(MaterialStatus.provided("医保电子凭证或有效身份证件或社保卡"),
                                MaterialStatus.provided("《基本医疗保险职工参保信息变更登记表》"),
                                MaterialStatus.missing(keyMaterial))), APPLIED);
        String reason = "未提供" + keyMaterial;
        done(c.reject(CLERK, List.of(Reason.of("material.missing", reason)), APPLIED.plusSeconds(600)));
        publisher.publishNew(c, "enrollment-service");

        SinkRecord sms = awaitSink(c.getId() + ":failed:SMS");

        assertThat(sms.text()).isEqualTo(WUWEI_OFFICE + "尊敬的李四,您于2026年11月23日办理的职工参保信息变更登记未完成。"
                + "原因为：未提供变更姓名、性别、身份证号、出生日期等关键信息的必要的对应辅助材料。"
                + "如有疑问，请咨询0935-2116032。");
        assertThat(sinkRecordsOf(c.getId())).hasSize(1);
    }

    @Test
    void at_night_the_sms_waits_for_eight_o_clock_while_the_inbox_gets_it_at_once() {
        clock.setTo("2026-11-24T23:00:00");
        String person = idNumber();
        registerMobile(person, mobile());

        Case transfer = completedTransfer(person, "王五");
        publisher.publishNew(transfer, "transfer-service");

        Notification n = awaitNotification(transfer.getId() + ":completed",
                x -> x.delivery(ChannelKind.INBOX).getStatus() == DeliveryStatus.SENT);
        Delivery sms = n.delivery(ChannelKind.SMS);
        assertThat(sms.getStatus()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(sms.isDeferred()).isTrue();
        assertThat(sms.getDueAt()).isEqualTo(OffsetDateTime.parse("2026-11-25T08:00:00+08:00").toInstant());
        assertThat(sinkRecordsOf(transfer.getId())).isEmpty();

        // the next morning it goes out: deferred, not dropped
        clock.setTo("2026-11-25T08:00:01");
        awaitSink(transfer.getId() + ":completed:SMS");
        assertThat(sinkRecordsOf(transfer.getId())).hasSize(1);
    }

    @Test
    void a_provider_that_fails_twice_is_retried_with_backoff_and_the_third_attempt_sends_once() {
        String person = idNumber();
        String mobile = mobile();
        registerMobile(person, mobile);
        gateway.failNext(mobile, 2);

        Case transfer = completedTransfer(person, "赵六");
        publisher.publishNew(transfer, "transfer-service");

        Notification n = awaitNotification(transfer.getId() + ":completed",
                x -> x.delivery(ChannelKind.SMS).getStatus() == DeliveryStatus.SENT);
        assertThat(n.delivery(ChannelKind.SMS).getAttempts()).isEqualTo(3);
        assertThat(sinkRecordsOf(transfer.getId())).hasSize(1);
    }

    @Test
    void a_channel_that_keeps_failing_becomes_a_dead_letter_ops_can_see_and_send_again() {
        String person = idNumber();
        String mobile = mobile();
        registerMobile(person, mobile);
        gateway.failNext(mobile, Integer.MAX_VALUE);

        Case transfer = completedTransfer(person, "孙七");
        publisher.publishNew(transfer, "transfer-service");
        String id = transfer.getId() + ":completed";
        Notification dead = awaitNotification(id, x -> x.delivery(ChannelKind.SMS).getStatus() == DeliveryStatus.DEAD);
        assertThat(dead.delivery(ChannelKind.SMS).getAttempts()).isEqualTo(4);
        assertThat(dead.delivery(ChannelKind.SMS).getLastError()).contains("服务商暂时不可用");

        http.get().uri("/api/v1/notifications/dead-letters?size=100").headers(h -> h.setBearerAuth(TestTokens.ops("ops-1")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.notificationId == '" + id + "')].deliveries[0].channel").isEqualTo("SMS");
        http.get().uri("/api/v1/notifications/dead-letters").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(person)))
                .exchange().expectStatus().isForbidden();

        gateway.heal(mobile);
        http.post().uri("/api/v1/notifications/dead-letters/{id}/retry?channel=SMS", id)
                .headers(h -> h.setBearerAuth(TestTokens.ops("ops-1"))).exchange().expectStatus().isOk();
        awaitSink(id + ":SMS");
        assertThat(sinkRecordsOf(transfer.getId())).hasSize(1);
    }

    @Test
    void an_item_the_catalog_does_not_know_is_a_dead_letter_not_a_message_with_stars() {
        ItemDefinition transfer = catalog.item("622036003002", WUWEI);
        Case c = Case.submit(UUID.randomUUID().toString(), "620600-20261123-" + serial(), transfer,
                SubmitCase.of(transfer.code(), WUWEI, Channel.PORTAL, Party.person(idNumber(), "周八"), Map.of(),
                        List.of(MaterialStatus.provided("医保电子凭证或有效身份证件或社保卡"))), APPLIED);
        // the same event data, for an item code no layer defines
        var submitted = c.getOutbox().get(0);
        var forged = new org.jingban.platform.messaging.OutboxEvent(UUID.randomUUID().toString(),
                org.jingban.platform.cases.CaseEvents.COMPLETED, c.getId(), WUWEI, APPLIED,
                submitted.dataJson().replace("622036003002", "622036099999"));
        publisher.send(c.getId(), forged, "transfer-service");

        Notification n = awaitNotification(c.getId() + ":completed", x -> true);
        assertThat(n.isUnrenderable()).isTrue();
        assertThat(n.getProblem()).contains("622036099999");
        assertThat(n.getDeliveries()).isEmpty();
    }

    @Test
    void ops_read_the_outbox_paged_with_phone_numbers_masked_and_others_may_not() {
        String person = idNumber();
        String mobile = mobile();
        registerMobile(person, mobile);
        Case transfer = completedTransfer(person, "吴九");
        publisher.publishNew(transfer, "transfer-service");
        awaitSink(transfer.getId() + ":completed:SMS");

        http.get().uri("/api/v1/notifications/outbox?caseNumber={n}&size=5", transfer.getCaseNumber())
                .headers(h -> h.setBearerAuth(TestTokens.ops("ops-1"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.size").isEqualTo(5)
                .jsonPath("$.items[0].provider").isEqualTo("aliyun-sms")
                .jsonPath("$.items[0].request.PhoneNumbers").isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7))
                .jsonPath("$.items[0].address").isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7));
        // the ops read of a person's message is in the audit trail, under that person
        org.bson.Document audited = mongo.findOne(new Query(Criteria.where("objectId").is(transfer.getId() + ":completed:SMS")),
                org.bson.Document.class, "audit_trail").block();
        assertThat(audited).isNotNull();
        assertThat(audited.getString("partyId")).isEqualTo(person);
        assertThat(audited.getString("actor")).isEqualTo("ops-1");
        http.get().uri("/api/v1/notifications/outbox").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(person))).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/v1/notifications/outbox").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/v1/notifications/outbox?page=-1&size=1000").headers(h -> h.setBearerAuth(TestTokens.ops("ops-1")))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.violations.length()").isEqualTo(2);
    }

    @Test
    void a_bad_contact_lists_every_problem_and_stores_nothing() {
        String person = idNumber();
        // a person's mobile is the one of their records: not taken here, listed with the other problem
        http.put().uri("/api/v1/notifications/me/contact").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(person)))
                .bodyValue(Map.of("mobile", "13912345678", "preferredChannel", "FAX")).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.violations.length()").isEqualTo(2)
                .jsonPath("$.violations[0].field").isEqualTo("mobile")
                .jsonPath("$.violations[0].code").isEqualTo("from-records")
                .jsonPath("$.violations[1].field").isEqualTo("preferredChannel");
        http.get().uri("/api/v1/notifications/me/contact").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(person))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.mobile").doesNotExist();
    }

}
