package org.jingban.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class EventJsonTest {

    record Reimbursed(String caseId, BigDecimal amount, LocalDate settledOn, Instant at) {
    }

    @Test
    void amounts_travel_as_strings_with_their_fen_and_dates_as_iso_text() {
        Reimbursed data = new Reimbursed("C-1", new BigDecimal("1234.50"), LocalDate.of(2026, 11, 23),
                Instant.parse("2026-11-23T01:02:03Z"));

        String json = EventJson.write(data);

        assertThat(json).contains("\"amount\":\"1234.50\"")
                .contains("\"settledOn\":\"2026-11-23\"")
                .contains("\"at\":\"2026-11-23T01:02:03Z\"");
        assertThat(EventJson.read(json, Reimbursed.class)).isEqualTo(data);
    }

    @Test
    void a_consumer_ignores_fields_a_newer_producer_added() {
        Reimbursed read = EventJson.read("{\"caseId\":\"C-2\",\"amount\":\"0.01\",\"addedLater\":true}", Reimbursed.class);
        assertThat(read.amount()).isEqualByComparingTo("0.01");
    }

    @Test
    void an_outbox_event_carries_its_data_as_json_and_a_fresh_id() {
        OutboxEvent first = OutboxEvent.of("jingban.test.paid.v1", "C-1", "620602", new Reimbursed("C-1", new BigDecimal("10.00"), null, null));
        OutboxEvent second = OutboxEvent.of("jingban.test.paid.v1", "C-1", "620602", "{}");

        assertThat(first.dataJson()).contains("\"amount\":\"10.00\"");
        assertThat(second.dataJson()).isEqualTo("{}");
        assertThat(first.id()).isNotEqualTo(second.id());
        assertThatThrownBy(() -> OutboxEvent.of(" ", "C-1", null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void topics_and_sources_are_named_after_the_service() {
        assertThat(EventTopics.topicOf("enrollment-service")).isEqualTo("jingban.enrollment.events");
        assertThat(EventTopics.sourceOf("offsite-filing-service")).isEqualTo("/jingban/offsite-filing");
        assertThat(EventTopics.topicOf("gateway")).isEqualTo("jingban.gateway.events");
        assertThat(EventTopics.deadLetterTopicOf("jingban.transfer.events")).isEqualTo("jingban.transfer.events.dlt");
    }
}
