package org.jingban.enrollment.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingban.enrollment.api.TransferHooks.REFUSED;
import static org.jingban.enrollment.api.TransferHooks.RELEASE_REQUESTED;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jingban.platform.cases.Reason;
import org.jingban.platform.messaging.EventJson;
import org.jingban.platform.messaging.OutboxEvent;
import org.junit.jupiter.api.Test;

/** The refusal event's JSON is the contract transfer-service reads (enrollment-service-api, TransferHooks.Refused). */
class TransferHookRefusalTest {

    @Test
    @SuppressWarnings("unchecked")
    void a_refused_release_is_answered_on_the_transfer_with_every_reason_as_field_code_and_message() {
        TransferHookRefusal refusal = TransferHookRefusal.of("command-event-1", "T-1", RELEASE_REQUESTED,
                List.of(Reason.at("idNumber", "not-suspended", "该人员在转出地的职工基本医疗保险未中止参保")), "620600",
                Instant.parse("2026-11-02T08:00:00Z"));

        OutboxEvent event = refusal.getOutbox().get(0);
        assertThat(event.type()).isEqualTo(REFUSED).isEqualTo("jingban.enrollment.transfer-hook.refused.v1");
        assertThat(event.subject()).isEqualTo("T-1");
        Map<String, Object> data = EventJson.read(event.dataJson(), Map.class);
        assertThat(data).containsEntry("transferId", "T-1")
                .containsEntry("commandType", "jingban.transfer.record-release.requested.v1");
        assertThat((List<Map<String, Object>>) data.get("reasons")).containsExactly(Map.of("field", "idNumber",
                "code", "not-suspended", "message", "该人员在转出地的职工基本医疗保险未中止参保"));
    }
}
