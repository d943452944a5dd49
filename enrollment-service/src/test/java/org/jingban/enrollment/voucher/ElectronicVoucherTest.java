package org.jingban.enrollment.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jingban.enrollment.EnrollmentTest;
import org.jingban.platform.security.test.TestTokens;
import org.junit.jupiter.api.Test;

/** 医疗保障信息平台电子凭证 (local:wuwei): 激活, QR token, verification by a designated institution. */
class ElectronicVoucherTest extends EnrollmentTest {

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
