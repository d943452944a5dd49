package org.jingban.enrollment.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jingban.enrollment.EnrollmentTest;
import org.jingban.enrollment.person.PersonService;
import org.jingban.platform.security.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LocalItemsTest extends EnrollmentTest {

    static final String SONGPAN = "513224";

    @Autowired
    PersonService persons;

    private String resident(String region) {
        String id = newIdNumber(1995);
        Map<String, Object> form = new java.util.LinkedHashMap<>();
        form.put("姓名", "居民");
        form.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        form.put("出生日期", "1995-" + id.substring(10, 12) + "-" + id.substring(12, 14));
        form.put("联系电话", "13709351234");
        form.put("户籍地址", "户籍地址");
        form.put("申请人身份", "无业成年人");
        form.put("参保地区", region);
        form.put("申请材料", List.of("有效身份证件", "《城乡居民基本医疗保险参保登记表》"));
        web.post().uri("/api/v1/enrollment/residents").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id)))
                .bodyValue(form).exchange().expectStatus().isCreated();
        return id;
    }

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

    @Test
    void an_activated_voucher_shows_a_qr_token_that_an_institution_verifies_once() {
        String id = resident(WUWEI);
        String self = TestTokens.insuredPerson(id);
        web.post().uri("/api/v1/enrollment/e-vouchers/qr-tokens").headers(h -> h.setBearerAuth(self)).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.violations[0].code").isEqualTo("not-activated");
        web.post().uri("/api/v1/enrollment/e-vouchers").headers(h -> h.setBearerAuth(self)).bodyValue(Map.of()).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.itemCode").isEqualTo(ElectronicVouchers.ITEM);
        web.post().uri("/api/v1/enrollment/e-vouchers").headers(h -> h.setBearerAuth(self)).bodyValue(Map.of()).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.violations[0].code").isEqualTo("already-activated");

        String token = (String) web.post().uri("/api/v1/enrollment/e-vouchers/qr-tokens").headers(h -> h.setBearerAuth(self))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("token");
        String hospital = TestTokens.institution("H62060000001");
        web.post().uri("/api/v1/enrollment/e-vouchers/verifications").headers(h -> h.setBearerAuth(hospital))
                .bodyValue(Map.of("token", token)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("居民")
                .jsonPath("$.idNumber").value(v -> assertThat((String) v).contains("*"))
                .jsonPath("$.insurances[0].insuranceType").isEqualTo("城乡居民基本医疗保险");
        web.post().uri("/api/v1/enrollment/e-vouchers/verifications").headers(h -> h.setBearerAuth(hospital))
                .bodyValue(Map.of("token", token)).exchange().expectStatus().isEqualTo(409);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        web.post().uri("/api/v1/enrollment/e-vouchers/verifications").headers(h -> h.setBearerAuth(hospital))
                .bodyValue(Map.of("token", tampered)).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.violations[0].code").isEqualTo("invalid-token");
        web.post().uri("/api/v1/enrollment/e-vouchers/verifications").headers(h -> h.setBearerAuth(self))
                .bodyValue(Map.of("token", token)).exchange().expectStatus().isForbidden();
    }
}
