package org.jingban.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jingban.notification.NotificationApplication;
import org.jingban.notification.channel.SinkRecord;
import org.jingban.notification.intake.CaseEventIntake;
import org.jingban.notification.message.Notification;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.MaterialStatus;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.SubmitCase;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.test.JingbanInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A second notification-service on the same database that reads every topic from the beginning, as a restarted
 * instance does after its offsets are lost (or as a rebalance redelivers): every case event comes again, and no
 * message is made or sent a second time.
 */
class DuplicatesAcrossRestartTest extends EmbeddedNotificationTest {

    @Test
    void a_fresh_instance_that_receives_every_event_again_makes_no_second_message() {
        // given a completed transfer and a refused enrollment change, each with its SMS sent
        String person = idNumber();
        registerMobile(person, mobile());
        Case transfer = completedTransfer(person, "郑十");
        publisher.publishNew(transfer, "transfer-service");
        String other = idNumber();
        registerMobile(other, mobile());
        ItemDefinition change = catalog.item("622036001005", WUWEI);
        Case refused = Case.submit(UUID.randomUUID().toString(), "620600-20261123-" + serial(), change,
                SubmitCase.of(change.code(), WUWEI, Channel.PORTAL, Party.person(other, "冯十一"), Map.of(),
                        List.of(MaterialStatus.provided("《基本医疗保险职工参保信息变更登记表》"))), APPLIED);
        done(refused.reject(CLERK, List.of(Reason.of("material.missing", "未提供医保电子凭证或有效身份证件或社保卡")),
                APPLIED.plusSeconds(60)));
        publisher.publishNew(refused, "enrollment-service");
        awaitSink(transfer.getId() + ":completed:SMS");
        awaitSink(refused.getId() + ":failed:SMS");
        long notificationsBefore = count(Notification.class);
        long sentBefore = count(SinkRecord.class);

        // when a fresh instance (new consumer group: offsets from the beginning) reads everything again
        // (command-line arguments: they win over the service defaults, as the environment does in a deployment)
        try (ConfigurableApplicationContext fresh = new SpringApplicationBuilder(NotificationApplication.class).run(
                "--spring.kafka.bootstrap-servers=" + JingbanInfrastructure.get().bootstrapServers(),
                "--spring.mongodb.uri=" + JingbanInfrastructure.get().mongoUri(),
                "--spring.mongodb.database=notification-it",
                "--server.port=0",
                "--jingban.notification.consumer-group=notification-it-restart-" + UUID.randomUUID(),
                "--spring.kafka.consumer.properties.metadata.max.age.ms=500",
                "--jingban.notification.dispatch.poll-interval=100ms",
                "--jingban.notification.digest.cron=-",
                "--jingban.messaging.relay.enabled=false")) {
            CaseEventIntake intake = fresh.getBean(CaseEventIntake.class);
            // every stored notification was asked for by at least one event on the topics: each comes again
            await().atMost(WAIT).until(() -> intake.duplicatesSuppressed() >= notificationsBefore);

            // then nothing new was made or sent
            assertThat(count(Notification.class)).isEqualTo(notificationsBefore);
            assertThat(count(SinkRecord.class)).isEqualTo(sentBefore);
            assertThat(notificationsOf(transfer.getId())).extracting(Notification::getTemplateEvent)
                    .containsExactly("completed");
            assertThat(notificationsOf(refused.getId())).extracting(Notification::getTemplateEvent)
                    .containsExactly("failed");
            assertThat(sinkRecordsOf(transfer.getId())).hasSize(1);
            assertThat(sinkRecordsOf(refused.getId())).hasSize(1);
        }
    }

    long count(Class<?> type) {
        return mongo.count(new Query(), type).block();
    }

    List<Notification> notificationsOf(String caseId) {
        return mongo.find(new Query(Criteria.where("caseId").is(caseId)), Notification.class).collectList().block();
    }
}
