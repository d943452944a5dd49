package org.jingban.notification.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jingban.enrollment.api.PersonEvents;
import org.jingban.notification.channel.ChannelKind;
import org.jingban.notification.channel.SinkRecord;
import org.jingban.notification.message.DeliveryStatus;
import org.jingban.notification.message.Notification;
import org.jingban.notification.recipient.RecipientContact;
import org.jingban.platform.cases.Case;
import org.jingban.platform.security.test.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The contact book kept from enrollment's person events: the 联系电话 of the registration, changed by 电话号码新增和更改
 * (松潘) or 参保信息变更登记; {@code /me/contact} only adds channels and preferences.
 */
class ContactsFromRecordsTest extends EmbeddedNotificationTest {

    @Test
    void a_person_who_registered_with_a_phone_gets_the_sms_of_their_next_case_without_touching_me_contact() {
        String person = idNumber();
        String mobile = mobile();
        publishPerson(PersonEvents.ENROLLED, person, "增加", mobile);
        awaitMobile(person, mobile);

        Case transfer = completedTransfer(person, "陈一");
        publisher.publishNew(transfer, "transfer-service");

        SinkRecord sms = awaitSink(transfer.getId() + ":completed:SMS");
        assertThat(sms.request()).containsEntry("PhoneNumbers", mobile);
        http.get().uri("/api/v1/notifications/me/contact").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(person)))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.mobile").isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7))
                .jsonPath("$.mobileSource").isEqualTo("参保登记");
    }

    @Test
    void a_changed_phone_takes_effect_for_the_next_message_and_a_late_older_event_does_not_bring_the_old_one_back() {
        String person = idNumber();
        String before = mobile();
        String after = mobile();
        var enrolled = publishPerson(PersonEvents.ENROLLED, person, "增加", before);
        awaitMobile(person, before);
        Case first = completedTransfer(person, "陈二");
        publisher.publishNew(first, "transfer-service");
        assertThat(awaitSink(first.getId() + ":completed:SMS").request()).containsEntry("PhoneNumbers", before);

        // 参保人员电话号码新增和更改: enrollment publishes the person again with the new 联系电话
        publishPerson(PersonEvents.CHANGED, person, "参保人员电话号码新增和更改", after);
        awaitMobile(person, after);
        // the registration event comes again (a redelivery): older than the change, it changes nothing
        publisher.send("P-" + person, enrolled, "enrollment-service");
        Case second = completedTransfer(person, "陈二");
        publisher.publishNew(second, "transfer-service");

        assertThat(awaitSink(second.getId() + ":completed:SMS").request()).containsEntry("PhoneNumbers", after);
        assertThat(mongo.findById(person, RecipientContact.class).block().mobile()).isEqualTo(after);
        // the message already sent stays as it was sent
        assertThat(mongo.findById(first.getId() + ":completed:SMS", SinkRecord.class).block().request())
                .containsEntry("PhoneNumbers", before);
    }

    @Test
    void a_fixed_line_is_no_sms_the_message_stays_in_the_inbox() {
        String person = idNumber();
        String mobile = mobile();
        registerMobile(person, mobile);
        publishPerson(PersonEvents.CHANGED, person, "参保信息变更登记", "0935-2116032");
        awaitMobile(person, null);

        Case transfer = completedTransfer(person, "陈三");
        publisher.publishNew(transfer, "transfer-service");

        Notification n = awaitNotification(transfer.getId() + ":completed",
                x -> x.delivery(ChannelKind.INBOX).getStatus() == DeliveryStatus.SENT);
        assertThat(n.getDeliveries()).extracting(d -> d.getChannel()).containsExactly(ChannelKind.INBOX);
        assertThat(sinkRecordsOf(transfer.getId())).isEmpty();
    }

    @Test
    void me_contact_adds_wechat_and_a_preference_and_keeps_the_phone_of_the_records() {
        String person = idNumber();
        String mobile = mobile();
        registerMobile(person, mobile);

        http.put().uri("/api/v1/notifications/me/contact").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(person)))
                .bodyValue(Map.of("wechatOpenId", "oWx-" + person, "preferredChannel", "WECHAT")).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.wechat").isEqualTo(true)
                .jsonPath("$.preferredChannel").isEqualTo("WECHAT")
                .jsonPath("$.mobileSource").isEqualTo("参保登记");
        RecipientContact stored = mongo.findById(person, RecipientContact.class).block();
        assertThat(stored.mobile()).isEqualTo(mobile);
        assertThat(stored.wechatOpenId()).isEqualTo("oWx-" + person);

        // a later phone change from the records keeps what the person added
        String changed = mobile();
        publishPerson(PersonEvents.CHANGED, person, "参保人员电话号码新增和更改", changed);
        RecipientContact after = awaitMobile(person, changed);
        assertThat(after.wechatOpenId()).isEqualTo("oWx-" + person);
        assertThat(after.preferredChannel()).isEqualTo(ChannelKind.WECHAT);
    }

    @Test
    void a_person_without_a_mobile_in_the_records_cannot_choose_sms() {
        String person = idNumber();
        http.put().uri("/api/v1/notifications/me/contact").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(person)))
                .bodyValue(Map.of("preferredChannel", "SMS")).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.violations.length()").isEqualTo(1)
                .jsonPath("$.violations[0].field").isEqualTo("mobile");
    }
}
