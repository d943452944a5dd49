package org.jingban.notification.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jingban.designation.api.AgreementEvents;
import org.jingban.enrollment.api.UnitEvents;
import org.jingban.notification.channel.ChannelKind;
import org.jingban.notification.channel.SinkRecord;
import org.jingban.notification.message.DeliveryStatus;
import org.jingban.notification.message.Notification;
import org.jingban.notification.recipient.RecipientContact;
import org.jingban.platform.cases.CaseEventData;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.Party;
import org.jingban.platform.messaging.OutboxEvent;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.security.test.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Units and institutions are reached at the phones of their own records, as persons are: a unit's contact phone
 * from enrollment's unit events (单位参保登记, 单位参保信息变更登记: the 单位经办人员's phone), an institution's 联系人手机号
 * from designated-institution's agreement events — newest wins, a fixed line means no SMS, and nobody has to use
 * {@code /me/contact}.
 */
class UnitAndInstitutionContactsTest extends EmbeddedNotificationTest {

    static final String UNIT_REGISTRATION = "622036001001";

    @Test
    void a_units_next_case_sms_goes_to_the_phone_it_registered_with() {
        String uscc = TestIdentities.randomUnitCode(WUWEI);
        String mobile = mobile();
        publishUnit(UnitEvents.REGISTERED, uscc, mobile);
        awaitMobile(uscc, mobile);

        Case change = completedCase(UNIT_REGISTRATION, Party.employer(uscc, "武威市凉州区测试商贸有限公司"), Map.of(),
                APPLIED);
        publisher.publishNew(change, "enrollment-service");

        SinkRecord sms = awaitSink(change.getId() + ":completed:SMS");
        assertThat(sms.request()).containsEntry("PhoneNumbers", mobile);
        assertThat(sms.recipientId()).isEqualTo(uscc);
        http.get().uri("/api/v1/notifications/me/contact").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.mobile").isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7))
                .jsonPath("$.mobileSource").isEqualTo("单位参保登记");
    }

    @Test
    void a_units_changed_agent_phone_is_used_next_a_late_older_event_changes_nothing_and_a_fixed_line_is_no_sms() {
        String uscc = TestIdentities.randomUnitCode(WUWEI);
        String before = mobile();
        String after = mobile();
        OutboxEvent registered = publishUnit(UnitEvents.REGISTERED, uscc, before);
        awaitMobile(uscc, before);
        // 单位参保信息变更登记: a new 缴费单位经办人员联系电话
        publishUnit(UnitEvents.CHANGED, uscc, after);
        awaitMobile(uscc, after);
        publisher.send("U-" + uscc, registered, "enrollment-service");

        Case first = completedCase(UNIT_REGISTRATION, Party.employer(uscc, "武威市凉州区测试商贸有限公司"), Map.of(), APPLIED);
        publisher.publishNew(first, "enrollment-service");
        assertThat(awaitSink(first.getId() + ":completed:SMS").request()).containsEntry("PhoneNumbers", after);

        // the agent's phone changed to a fixed line: the next message is in the inbox only
        publishUnit(UnitEvents.CHANGED, uscc, "0935-2116032");
        awaitMobile(uscc, null);
        Case second = completedCase(UNIT_REGISTRATION, Party.employer(uscc, "武威市凉州区测试商贸有限公司"), Map.of(), APPLIED);
        publisher.publishNew(second, "enrollment-service");
        Notification n = awaitNotification(second.getId() + ":completed",
                x -> x.delivery(ChannelKind.INBOX).getStatus() == DeliveryStatus.SENT);
        assertThat(n.getDeliveries()).extracting(d -> d.getChannel()).containsExactly(ChannelKind.INBOX);
        assertThat(sinkRecordsOf(second.getId())).isEmpty();
    }

    @Test
    void a_unit_whose_records_give_a_phone_cannot_override_it_at_me_contact_but_one_without_may_until_they_do() {
        String withRecords = TestIdentities.randomUnitCode(WUWEI);
        publishUnit(UnitEvents.REGISTERED, withRecords, mobile());
        awaitMobileThat(withRecords, mobile -> mobile != null);
        http.put().uri("/api/v1/notifications/me/contact")
                .headers(h -> h.setBearerAuth(TestTokens.employerAgent(withRecords)))
                .bodyValue(Map.of("mobile", "13912345678", "preferredChannel", "NOPE")).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.violations.length()").isEqualTo(2)
                .jsonPath("$.violations[0].field").isEqualTo("mobile")
                .jsonPath("$.violations[0].code").isEqualTo("from-records")
                .jsonPath("$.violations[1].field").isEqualTo("preferredChannel");

        String withoutRecords = TestIdentities.randomUnitCode(WUWEI);
        String own = mobile();
        http.put().uri("/api/v1/notifications/me/contact")
                .headers(h -> h.setBearerAuth(TestTokens.employerAgent(withoutRecords)))
                .bodyValue(Map.of("mobile", own)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.mobileSource").isEqualTo("本人填写");
        // the records give one: it replaces the unit's own entry
        String registered = mobile();
        publishUnit(UnitEvents.REGISTERED, withoutRecords, registered);
        assertThat(awaitMobile(withoutRecords, registered).mobileSource()).isEqualTo(RecipientContact.FROM_UNIT_RECORDS);
    }

    @Test
    void an_institutions_contact_phone_from_its_agreement_reaches_it_under_its_code_and_its_credit_code() {
        String creditCode = TestIdentities.randomUnitCode("620602");
        String code = "H620602" + serial().substring(1);
        String mobile = mobile();
        publishAgreement(AgreementEvents.SIGNED, code, creditCode, mobile);
        awaitMobile(code, mobile);
        assertThat(awaitMobile(creditCode, mobile).mobileSource()).isEqualTo(RecipientContact.FROM_AGREEMENT);

        // 定点医药机构信息变更: a new 联系人手机号
        String changed = mobile();
        publishAgreement(AgreementEvents.CHANGED, code, creditCode, changed);
        awaitMobile(code, changed);

        // the evaluation result of the institution's (new) application, applicant of kind INSTITUTION
        String caseId = UUID.randomUUID().toString();
        Party institution = Party.institution(code, "凉州惠民医院");
        CaseEventData data = new CaseEventData(caseId, "620600-20261123-" + serial(), "622036009001",
                "医疗机构申请定点协议管理", WUWEI, institution, institution, Channel.PORTAL, APPLIED.atZone(Case.ZONE)
                .toLocalDate(), CaseStatus.COMPLETED, "办结", null, null, null, Map.of(), null, null);
        publisher.send(caseId, OutboxEvent.of(CaseEvents.COMPLETED, caseId, WUWEI, data), "designated-institution-service");

        SinkRecord sms = awaitSink(caseId + ":evaluation-passed:SMS");
        assertThat(sms.request()).containsEntry("PhoneNumbers", changed);
        assertThat(mongo.findById(caseId + ":evaluation-passed", Notification.class).block().getText())
                .contains("凉州惠民医院,你单位申请定点协议管理的评价结果为合格");
    }

    @Test
    void an_agreement_event_without_the_field_changes_nothing() {
        String creditCode = TestIdentities.randomUnitCode("620602");
        String code = "H620602" + serial().substring(1);
        String mobile = mobile();
        publishAgreement(AgreementEvents.SIGNED, code, creditCode, mobile);
        awaitMobile(code, mobile);

        // a publisher older than contactPhone: the record without it
        AgreementEvents.Agreement old = new AgreementEvents.Agreement("YBXY-" + code + "-20261120", code, creditCode,
                "凉州惠民医院", "MEDICAL_INSTITUTION", WUWEI, "620602", "二级", List.of("OUTPATIENT"), List.of(),
                "SUSPENDED", java.time.LocalDate.of(2026, 11, 20), null, null, null, "整改", null, null);
        publisher.send("agreement-" + code, OutboxEvent.of(AgreementEvents.SUSPENDED, "agreement-" + code, WUWEI, old),
                "designated-institution-service");
        // another institution's event behind it on the same key (one partition: handled in order) shows it was read
        String other = "H620602" + serial().substring(1);
        String otherMobile = mobile();
        AgreementEvents.Agreement marker = new AgreementEvents.Agreement("YBXY-" + other + "-20261120", other,
                TestIdentities.randomUnitCode("620602"), "凉州康宁医院", "MEDICAL_INSTITUTION", WUWEI, "620602", "一级",
                List.of("OUTPATIENT"), List.of(), "ACTIVE", java.time.LocalDate.of(2026, 11, 20), null, null, null,
                null, null, null, otherMobile);
        publisher.send("agreement-" + code, OutboxEvent.of(AgreementEvents.SIGNED, "agreement-" + other, WUWEI, marker),
                "designated-institution-service");
        awaitMobile(other, otherMobile);

        assertThat(mongo.findById(code, RecipientContact.class).block().mobile()).isEqualTo(mobile);
    }
}
