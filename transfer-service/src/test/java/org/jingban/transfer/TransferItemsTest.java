package org.jingban.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jingban.platform.service.items.CaseReactions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The two items of this service as the platform's extension point sees them: every operation of an item names its
 * 子项编码 in the API document (ARCHITECTURE.md §6), and the 转入地's first machine step is a reaction to the
 * transfer case's own 受理 event.
 */
class TransferItemsTest extends TransferTest {

    static final String CERTIFICATE = "622036003001";
    static final String TRANSFER = "622036003002";

    @Autowired
    CaseReactions reactions;

    @Test
    @SuppressWarnings("unchecked")
    void every_operation_of_an_item_names_its_item_code_in_the_api_document() {
        Map<String, Object> paths = (Map<String, Object>) web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("paths");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("post /api/v1/transfer/certificates", CERTIFICATE);
        expected.put("get /api/v1/transfer/certificates/{id}", CERTIFICATE);
        expected.put("get /api/v1/transfer/certificates/{id}/html", CERTIFICATE);
        expected.put("post /api/v1/transfer/certificates/verification", CERTIFICATE);
        expected.put("post /api/v1/transfer/transfers", TRANSFER);
        expected.put("post /api/v1/transfer/transfers/precheck", TRANSFER);
        expected.put("get /api/v1/transfer/transfers/{caseNumber}", TRANSFER);

        Map<String, Object> found = new LinkedHashMap<>();
        expected.keySet().forEach(operation -> {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1);
            Map<String, Object> item = (Map<String, Object>) paths.get(path);
            assertThat(item).as(path).isNotNull();
            Map<String, Object> op = (Map<String, Object>) item.get(method);
            assertThat(op).as(operation).isNotNull();
            found.put(operation, op.get("x-item-code"));
        });
        assertThat(found).isEqualTo(expected);
    }

    @Test
    void the_contact_letter_follows_the_acceptance_as_a_reaction_to_the_case_event() {
        assertThat(reactions.names()).contains("ReceivingOffice.sendLetter");
    }

    /** At a 转出地 accepting for a 转入地 in another province, 受理 hands the application on (seed 002 §十一(十四)). */
    @Test
    void the_application_accepted_at_the_sending_office_is_forwarded_as_a_reaction_to_the_case_event() {
        assertThat(reactions.names()).contains("SendingOffice.forwardApplication");
    }
}
