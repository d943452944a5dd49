package org.jingban.enrollment.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jingban.enrollment.EnrollmentTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.jingban.platform.security.test.TestTokens;
import org.springframework.core.ParameterizedTypeReference;

class AccountApiTest extends EnrollmentTest {

    static final String TAX = TestTokens.system("tax-bureau", AccountHandlers.CONTRIBUTION_SCOPE);
    static final String SETTLEMENT = TestTokens.system("settlement-service", AccountHandlers.ACCOUNT_SCOPE);

    @Autowired
    AccountLedger ledger;

    private String accountWith(String idNumber) {
        String id = UUID.randomUUID().toString();
        ledger.open(id, idNumber, "王五", WUWEI).block(TIMEOUT);
        return id;
    }

    @Test
    void a_contribution_credits_the_configured_share_once_per_serial_number() {
        String idNumber = newIdNumber();
        String accountId = accountWith(idNumber);
        Map<String, Object> batch = Map.of("postings", List.of(
                Map.of("serialNumber", "S-" + accountId, "idNumber", idNumber, "period", "202611",
                        "insuranceType", "职工基本医疗保险", "regionCode", WUWEI, "contributionAmount", "401.55"),
                Map.of("serialNumber", "S-" + accountId, "idNumber", idNumber, "period", "202611",
                        "insuranceType", "职工基本医疗保险", "regionCode", WUWEI, "contributionAmount", "401.55"),
                Map.of("serialNumber", "bad", "idNumber", "620602199001011234", "period", "202613",
                        "insuranceType", "职工基本医疗保险", "regionCode", "999999", "contributionAmount", "-1")));
        List<Map<String, Object>> lines = web.post().uri("/api/v1/enrollment/accounts/contributions").headers(h -> h.setBearerAuth(TAX)).bodyValue(batch)
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult().getResponseBody();
        // 620000 职工基本医疗保险 share 0.30: 401.55 × 0.30 = 120.465 → 120.47 (HALF_UP)
        assertThat(lines.get(0)).containsEntry("status", "CREDITED").containsEntry("creditedAmount", "120.47");
        assertThat(lines.get(1)).containsEntry("status", "REPLAYED").containsEntry("creditedAmount", "120.47");
        assertThat(lines.get(2)).containsEntry("status", "REFUSED");
        assertThat((List<?>) lines.get(2).get("violations")).hasSize(4);
        assertThat(ledger.find(accountId).block(TIMEOUT).getBalanceFen()).isEqualTo(120_47);
    }

    @Test
    void a_debit_beyond_the_balance_is_refused_and_a_repeated_debit_replays() {
        String accountId = accountWith(newIdNumber());
        web.post().uri("/api/v1/enrollment/accounts/{id}/credits", accountId).headers(h -> h.setBearerAuth(SETTLEMENT))
                .bodyValue(Map.of("amount", "50.00", "idempotencyKey", "k1")).exchange().expectStatus().isCreated();
        web.post().uri("/api/v1/enrollment/accounts/{id}/debits", accountId).headers(h -> h.setBearerAuth(SETTLEMENT))
                .bodyValue(Map.of("amount", "50.01", "idempotencyKey", "k2")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.violations[0].code").isEqualTo("insufficient-balance");
        web.post().uri("/api/v1/enrollment/accounts/{id}/debits", accountId).headers(h -> h.setBearerAuth(SETTLEMENT))
                .bodyValue(Map.of("amount", "20.00", "idempotencyKey", "k3", "reference", "结算单A")).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.balanceAfter").isEqualTo("30.00");
        web.post().uri("/api/v1/enrollment/accounts/{id}/debits", accountId).headers(h -> h.setBearerAuth(SETTLEMENT))
                .bodyValue(Map.of("amount", "20.00", "idempotencyKey", "k3", "reference", "结算单A")).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("Ledger-Replayed", "true")
                .expectBody().jsonPath("$.balanceAfter").isEqualTo("30.00");
        web.post().uri("/api/v1/enrollment/accounts/{id}/debits", accountId).headers(h -> h.setBearerAuth(SETTLEMENT))
                .bodyValue(Map.of("amount", "21.00", "idempotencyKey", "k3")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:jingban:problem:idempotency-key-reused");
        web.post().uri("/api/v1/enrollment/accounts/{id}/debits", accountId).headers(h -> h.setBearerAuth(SETTLEMENT))
                .bodyValue(Map.of("amount", "1.234")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.violations.length()").isEqualTo(2);
        assertThat(ledger.find(accountId).block(TIMEOUT).getBalanceFen()).isEqualTo(30_00);
    }

    @Test
    void a_debit_is_reversed_once_and_the_reversal_credits_it_back() {
        String accountId = accountWith(newIdNumber());
        ledger.post(accountId, PostEntry.credit(EntryKind.CREDIT, 10_00, "c", null, null)).block(TIMEOUT);
        String debitId = ledger.post(accountId, PostEntry.debit(EntryKind.DEBIT, 4_00, "d", "结算单B", null))
                .block(TIMEOUT).entry().id();
        web.post().uri("/api/v1/enrollment/accounts/{id}/reversals", accountId).headers(h -> h.setBearerAuth(SETTLEMENT))
                .bodyValue(Map.of("entryId", debitId, "idempotencyKey", "r1")).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.amount").isEqualTo("4.00")
                .jsonPath("$.balanceAfter").isEqualTo("10.00");
        web.post().uri("/api/v1/enrollment/accounts/{id}/reversals", accountId).headers(h -> h.setBearerAuth(SETTLEMENT))
                .bodyValue(Map.of("entryId", debitId, "idempotencyKey", "r2")).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.violations[0].code").isEqualTo("already-reversed");
        web.get().uri("/api/v1/enrollment/accounts/{id}/entries", accountId).headers(h -> h.setBearerAuth(SETTLEMENT)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(3).jsonPath("$[2].kind").isEqualTo("REVERSAL");
    }

    @Test
    void the_holder_sees_their_account_and_nobody_else_does() {
        String idNumber = newIdNumber();
        String accountId = accountWith(idNumber);
        web.get().uri("/api/v1/enrollment/accounts/{id}", accountId).exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/enrollment/accounts/{id}", accountId)
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(idNumber))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.balance").isEqualTo("0.00");
        web.get().uri("/api/v1/enrollment/accounts/{id}", accountId)
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(newIdNumber()))).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/v1/enrollment/accounts/{id}", accountId)
                .headers(h -> h.setBearerAuth(TestTokens.clerk("gh-1", WUWEI))).exchange().expectStatus().isOk();
        web.get().uri("/api/v1/enrollment/accounts/{id}", accountId)
                .headers(h -> h.setBearerAuth(TestTokens.clerk("gh-2", LANZHOU))).exchange().expectStatus().isNotFound();
        // a citizen cannot debit, even their own account
        web.post().uri("/api/v1/enrollment/accounts/{id}/debits", accountId)
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(idNumber)))
                .bodyValue(Map.of("amount", "1.00", "idempotencyKey", "x")).exchange().expectStatus().isForbidden();
    }

    @Test
    void a_contribution_event_from_the_tax_bureau_is_credited_once_though_delivered_twice() throws Exception {
        String idNumber = newIdNumber();
        String accountId = accountWith(idNumber);
        var posting = new Contributions.Posting("EV-" + accountId, idNumber, "202611", "职工基本医疗保险", WUWEI, "100.00");
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of("bootstrap.servers",
                org.jingban.platform.test.JingbanInfrastructure.get().bootstrapServers()),
                new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.StringSerializer())) {
            // the same posting twice, then another one: same key, same partition, so when the third is credited
            // the duplicate has been consumed
            var marker = new Contributions.Posting("EV2-" + accountId, idNumber, "202612", "职工基本医疗保险", WUWEI, "1.00");
            for (int i = 0; i < 3; i++) {
                var record = new org.apache.kafka.clients.producer.ProducerRecord<String, String>("jingban.tax.contributions",
                        idNumber, org.jingban.platform.messaging.EventJson.write(i < 2 ? posting : marker));
                record.headers().add("ce_id", ("tax-" + accountId + "-" + i).getBytes())
                        .add("ce_type", ContributionListener.TYPE.getBytes())
                        .add("ce_source", "/tax".getBytes()).add("ce_specversion", "1.0".getBytes());
                producer.send(record).get();
            }
        }
        // 100.00 × 0.30 = 30.00 once, plus 1.00 × 0.30 = 0.30
        PersonalAccount credited = eventually(() -> ledger.findById(accountId)
                .filter(a -> a.getLastSequence() >= 2).block(TIMEOUT));
        assertThat(credited.getBalanceFen()).isEqualTo(30_30);
        assertThat(ledger.entries(accountId).collectList().block(TIMEOUT)).hasSize(2);
    }
}
