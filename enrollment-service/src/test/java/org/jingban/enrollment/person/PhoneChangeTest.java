package org.jingban.enrollment.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jingban.enrollment.EnrollmentTest;
import org.jingban.platform.security.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 参保人员电话号码新增和更改 (local:songpan): offered in 松潘, not in 武威. */
class PhoneChangeTest extends EnrollmentTest {

    static final String SONGPAN = "513224";

    @Autowired
    InsuredPersons persons;

    private static Map<String, Object> phoneForm(String id, String phone) {
        return Map.of("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id), "联系电话", phone,
                "申请材料", List.of("医保电子凭证或有效身份证件或社保卡"));
    }

    @Test
    void a_songpan_resident_changes_their_phone_at_once_where_wuwei_offers_no_such_item() {
        String id = resident(SONGPAN);
        web.post().uri("/api/v1/enrollment/persons/phone").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id)))
                .bodyValue(phoneForm(id, "13609351111")).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.itemCode").isEqualTo(PhoneChange.ITEM).jsonPath("$.caseNumber")
                .value(n -> assertThat((String) n).startsWith("513224-"));
        assertThat(persons.findByIdNumber(id).block(TIMEOUT).getPhone()).isEqualTo("13609351111");
        web.post().uri("/api/v1/enrollment/persons/phone").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id)))
                .bodyValue(phoneForm(id, "13609351111")).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.violations[0].code").isEqualTo("unchanged");
        web.post().uri("/api/v1/enrollment/persons/phone").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id)))
                .bodyValue(phoneForm(id, "1360935")).exchange().expectStatus().isBadRequest();

        String wuwei = resident(WUWEI);
        web.post().uri("/api/v1/enrollment/persons/phone").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(wuwei)))
                .bodyValue(phoneForm(wuwei, "13609352222")).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("622036001005"));
    }
}
