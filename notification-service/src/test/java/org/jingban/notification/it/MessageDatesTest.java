package org.jingban.notification.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import org.jingban.enrollment.api.UnitEvents;
import org.jingban.notification.channel.SinkRecord;
import org.jingban.notification.message.Notification;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.Party;
import org.jingban.platform.security.test.TestIdentities;
import org.junit.jupiter.api.Test;

/**
 * Which date a message prints (issue 11). Seed 002 (消息推送模板) has two wordings, which the catalog's
 * templateConventions both call "the application/handling date" ({@code ****年**月**日}): "您于****年**月**日办理的
 * 转移接续已完成" / "…申请的X已完成" is the day of the application, "您于****年**月**日已完成单位参保登记" the day the
 * registration was completed. A 承诺件 applied for on Monday 23 November 2026 and completed on a later day prints
 * each where the text says it; the completion day is the completed event's time in Asia/Shanghai.
 */
class MessageDatesTest extends EmbeddedNotificationTest {

    /** 2 December 2026, 00:30 in Wuwei — still 1 December in UTC. */
    static final Instant COMPLETED = OffsetDateTime.parse("2026-12-02T00:30:00+08:00").toInstant();

    @Test
    void yi_wancheng_prints_the_completion_day_and_banli_de_the_application_day() {
        String uscc = TestIdentities.randomUnitCode(WUWEI);
        String mobile = mobile();
        publishUnit(UnitEvents.REGISTERED, uscc, mobile);
        awaitMobile(uscc, mobile);

        // "您于****年**月**日已完成单位参保登记": the day it was completed
        Case registration = completedCase("622036001001", Party.employer(uscc, "武威市凉州区测试商贸有限公司"), Map.of(),
                APPLIED);
        publishCompletedAt(registration, "enrollment-service", COMPLETED);
        SinkRecord sms = awaitSink(registration.getId() + ":completed:SMS");
        Notification done = mongo.findById(registration.getId() + ":completed", Notification.class).block();
        assertThat(done.getText()).contains("您于2026年12月02日已完成单位参保登记").doesNotContain("2026年11月23日");
        assertThat(done.getValues()).containsEntry("日期", "2026年12月02日");
        // the SMS template's ${date} is what the text printed
        assertThat((String) sms.request().get("TemplateParam")).contains("\"date\":\"2026年12月02日\"");

        // "您于****年**月**日办理的转移接续已完成": the day of the application, also when completed later
        String person = idNumber();
        registerMobile(person, mobile());
        Case transfer = completedTransfer(person, "陈四");
        publishCompletedAt(transfer, "transfer-service", COMPLETED);
        awaitSink(transfer.getId() + ":completed:SMS");
        assertThat(mongo.findById(transfer.getId() + ":completed", Notification.class).block().getText())
                .contains("您于2026年11月23日办理的转移接续已完成").doesNotContain("2026年12月02日");
    }
}
