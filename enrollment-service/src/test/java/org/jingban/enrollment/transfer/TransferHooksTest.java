package org.jingban.enrollment.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingban.enrollment.api.TransferHooks.CREDIT_REQUESTED;
import static org.jingban.enrollment.api.TransferHooks.REFUSED;
import static org.jingban.enrollment.api.TransferHooks.SUSPEND_REQUESTED;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jingban.enrollment.EnrollmentTest;
import org.jingban.enrollment.account.AccountLedger;
import org.jingban.enrollment.account.EntryKind;
import org.jingban.enrollment.account.PersonalAccount;
import org.jingban.enrollment.account.PostEntry;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.enrollment.api.TransferHooks.CreditIn;
import org.jingban.enrollment.api.TransferHooks.Suspend;
import org.jingban.enrollment.person.Insurance;
import org.jingban.enrollment.person.InsuredPerson;
import org.jingban.enrollment.person.InsuredPersons;
import org.jingban.platform.messaging.EventJson;
import org.jingban.platform.security.test.TestTokens;
import org.jingban.platform.test.CloudEventRecord;
import org.jingban.platform.test.EventProbe;
import org.jingban.platform.test.JingbanInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TransferHooksTest extends EnrollmentTest {

    static final String TRANSFER_SERVICE = TestTokens.system("transfer-service", TransferHookHandlers.TRANSFER_SCOPE);

    @Autowired
    InsuredPersons persons;
    @Autowired
    AccountLedger ledger;

    private InsuredPerson enrolledWithBalance(String idNumber, long fen) {
        String uscc = newUscc();
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(unitForm(uscc, WUWEI)).exchange().expectStatus().isCreated();
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(employeeRow("转出人", idNumber, "5000.00", "增加"))))
                .exchange().expectStatus().isCreated();
        InsuredPerson p = persons.findByIdNumber(idNumber).block(TIMEOUT);
        ledger.post(p.getId(), PostEntry.credit(EntryKind.CONTRIBUTION, fen, "c-" + p.getId(), "202611", null)).block(TIMEOUT);
        return p;
    }

    @Test
    void suspension_then_release_hands_over_periods_and_the_whole_balance_exactly_once() {
        String idNumber = newIdNumber();
        InsuredPerson p = enrolledWithBalance(idNumber, 1234_50);
        String transferId = "T-" + UUID.randomUUID();
        Map<String, String> cmd = Map.of("idNumber", idNumber, "insuranceType", "职工基本医疗保险", "regionCode", WUWEI);

        try (EventProbe probe = JingbanInfrastructure.get().probe("jingban.enrollment.events")) {
            // release before suspension is refused
            web.post().uri("/internal/v1/enrollment/transfers/{id}/release", transferId)
                    .headers(h -> h.setBearerAuth(TRANSFER_SERVICE)).bodyValue(cmd).exchange()
                    .expectStatus().isEqualTo(409).expectBody().jsonPath("$.violations[0].code").isEqualTo("not-suspended");
            for (int i = 0; i < 2; i++) {
                web.post().uri("/internal/v1/enrollment/transfers/{id}/suspension", transferId)
                        .headers(h -> h.setBearerAuth(TRANSFER_SERVICE)).bodyValue(cmd).exchange()
                        .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SUSPENDED");
            }
            for (int i = 0; i < 2; i++) {
                web.post().uri("/internal/v1/enrollment/transfers/{id}/release", transferId)
                        .headers(h -> h.setBearerAuth(TRANSFER_SERVICE)).bodyValue(cmd).exchange()
                        .expectStatus().isOk().expectBody()
                        .jsonPath("$.balance").isEqualTo("1234.50")
                        .jsonPath("$.contributionMonths").isEqualTo(1)
                        .jsonPath("$.periods[0].to").exists();
            }
            CloudEventRecord released = probe.awaitEvent(e -> PersonEvents.RECORD_RELEASED.equals(e.type())
                    && p.getId().equals(e.subject()), TIMEOUT);
            assertThat(released.dataJson()).contains("\"balance\":\"1234.50\"").contains(transferId);
            // the released event is published once although release was called twice
            assertThat(probe.events().stream().filter(e -> PersonEvents.RECORD_RELEASED.equals(e.type())
                    && p.getId().equals(e.subject()))).hasSize(1);
        }
        PersonalAccount account = ledger.find(p.getId()).block(TIMEOUT);
        assertThat(account.getBalanceFen()).isZero();
        assertThat(account.getStatus()).isEqualTo(PersonalAccount.Status.CLOSED);
        assertThat(persons.findByIdNumber(idNumber).block(TIMEOUT).insurance("职工基本医疗保险", WUWEI).orElseThrow()
                .getStatus()).isEqualTo(Insurance.Status.TRANSFERRED_OUT);
        web.post().uri("/internal/v1/enrollment/transfers/{id}/suspension", transferId)
                .headers(h -> h.setBearerAuth(TestTokens.clerk("gh-1", WUWEI))).bodyValue(cmd).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void a_record_whose_unit_reported_an_interruption_is_released_without_a_separate_suspension() {
        String idNumber = newIdNumber();
        String uscc = newUscc();
        web.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(unitForm(uscc, WUWEI)).exchange().expectStatus().isCreated();
        web.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(employeeRow("离职人", idNumber, "5000.00", "增加"))))
                .exchange().expectStatus().isCreated();
        // the unit reports 中断 (表2); as a 承诺件 it goes 受理—审核—办结
        Map<?, ?> interruption = web.post().uri("/api/v1/enrollment/employees")
                .headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(employeesForm(uscc, EMPLOYEE_MATERIALS, List.of(employeeRow("离职人", idNumber, "5000.00", "中断"))))
                .exchange().expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult().getResponseBody();
        String caseNumber = (String) interruption.get("caseNumber");
        if (!"COMPLETED".equals(interruption.get("status"))) {
            String clerk = TestTokens.clerk("gh-c", WUWEI);
            String reviewer = TestTokens.reviewer("gh-r", WUWEI);
            web.post().uri("/api/v1/enrollment/cases/{n}/accept", caseNumber).headers(h -> h.setBearerAuth(clerk))
                    .exchange().expectStatus().isOk();
            web.post().uri("/api/v1/enrollment/cases/{n}/advance", caseNumber).headers(h -> h.setBearerAuth(reviewer))
                    .bodyValue(Map.of("stage", "审核")).exchange().expectStatus().isOk();
            web.post().uri("/api/v1/enrollment/cases/{n}/complete", caseNumber).headers(h -> h.setBearerAuth(reviewer))
                    .bodyValue(Map.of()).exchange().expectStatus().isOk();
        }
        eventually(() -> persons.findByIdNumber(idNumber).block(TIMEOUT).insurance("职工基本医疗保险", WUWEI)
                .filter(i -> i.getStatus() == Insurance.Status.INTERRUPTED).orElse(null));

        String transferId = "T-" + UUID.randomUUID();
        web.post().uri("/internal/v1/enrollment/transfers/{id}/release", transferId)
                .headers(h -> h.setBearerAuth(TRANSFER_SERVICE))
                .bodyValue(Map.of("idNumber", idNumber, "insuranceType", "职工基本医疗保险", "regionCode", WUWEI)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.transferId").isEqualTo(transferId);
        assertThat(persons.findByIdNumber(idNumber).block(TIMEOUT).insurance("职工基本医疗保险", WUWEI).orElseThrow()
                .getStatus()).isEqualTo(Insurance.Status.TRANSFERRED_OUT);
    }

    @Test
    void a_credit_command_on_the_transfer_topic_credits_periods_and_balance_once() throws Exception {
        String idNumber = newIdNumber();
        String transferId = "T-" + UUID.randomUUID();
        var command = new CreditIn(transferId, idNumber, "转入人", "职工基本医疗保险", LANZHOU, "513224",
                List.of(new PersonEvents.Period("2020-01", "2026-10", "513224", null, "在职职工", "本地")),
                "888.88", "灵活就业人员");
        try (EventProbe probe = JingbanInfrastructure.get().probe("jingban.enrollment.events");
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", JingbanInfrastructure.get().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 2; i++) { // delivered twice: applied once
                ProducerRecord<String, String> record = new ProducerRecord<>("jingban.transfer.events", transferId,
                        EventJson.write(command));
                record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                        .add("ce_id", (transferId + "-credit").getBytes(StandardCharsets.UTF_8))
                        .add("ce_source", "/jingban/transfer".getBytes(StandardCharsets.UTF_8))
                        .add("ce_type", CREDIT_REQUESTED.getBytes(StandardCharsets.UTF_8))
                        .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }
            // the credit names its transfer, so that the 转入地 matches it to the transfer waiting for it
            CloudEventRecord credited = probe.awaitEvent(e -> PersonEvents.TRANSFER_IN_CREDITED.equals(e.type()), TIMEOUT);
            assertThat(credited.data(Map.class).get("transferId")).isEqualTo(transferId);
        }
        InsuredPerson p = eventually(() -> persons.findByIdNumber(idNumber).block(TIMEOUT));
        PersonalAccount account = eventually(() -> ledger.findById(p.getId())
                .filter(a -> a.getBalanceFen() > 0).block(TIMEOUT));
        assertThat(account.getBalanceFen()).isEqualTo(888_88);
        assertThat(account.getRegionCode()).isEqualTo(LANZHOU);
        Insurance insurance = p.insurance("职工基本医疗保险", LANZHOU).orElseThrow();
        assertThat(insurance.getStatus()).isEqualTo(Insurance.Status.ACTIVE);
        // 2020-01..2026-10 = 82 months transferred in, plus the running local period
        assertThat(insurance.getPeriods()).hasSize(2);
        assertThat(insurance.getPeriods().get(0).months(java.time.YearMonth.of(2026, 11))).isEqualTo(82);
        assertThat(ledger.entries(p.getId()).collectList().block(TIMEOUT)).hasSize(1);
    }

    @Test
    void a_command_for_someone_not_insured_is_answered_with_a_refusal_event() {
        String transferId = "T-" + UUID.randomUUID();
        try (EventProbe probe = JingbanInfrastructure.get().probe("jingban.enrollment.events");
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     "bootstrap.servers", JingbanInfrastructure.get().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>("jingban.transfer.events", transferId,
                    EventJson.write(new Suspend(transferId, newIdNumber(), "职工基本医疗保险", WUWEI)));
            record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                    .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                    .add("ce_source", "/jingban/transfer".getBytes(StandardCharsets.UTF_8))
                    .add("ce_type", SUSPEND_REQUESTED.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
            CloudEventRecord refused = probe.awaitEvent(e -> REFUSED.equals(e.type())
                    && transferId.equals(e.subject()), TIMEOUT);
            assertThat(refused.dataJson()).contains("not-insured");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
