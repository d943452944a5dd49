package org.jingban.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A holder checks a document with its content, its seal and the office's certificate, and nothing else. */
class OfflineVerifierTest {

    static final KeyPair KEYS = Sm2.generateKeyPair();
    static final X509Certificate CERTIFICATE = Sm2.selfSignedCertificate(KEYS, "武威市医疗保障局", "620600", 10);
    static final String PEM = Sm2.toPem(CERTIFICATE);

    static Map<String, Object> content() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("凭证号", "甘肃省武威市2026年第0001号");
        content.put("参保信息", List.of(Map.of("个人账户余额(小写)", "3456.78", "其中累计实际缴费月数", 72)));
        return content;
    }

    static ElectronicSeal seal(Map<String, Object> content, String serial) {
        return new ElectronicSeal(Sm2.ALGORITHM, "620600", "武威市医疗保障局", serial, Instant.now(),
                Base64.getEncoder().encodeToString(Sm2.sign(KEYS.getPrivate(), CanonicalJson.bytes(content))));
    }

    @Test
    void the_sealed_content_checks_against_the_office_certificate() {
        ElectronicSeal seal = seal(content(), CERTIFICATE.getSerialNumber().toString(16));
        assertThat(OfflineVerifier.verify(content(), seal, PEM)).isTrue();
        // the content as it came through JSON (numbers as Integer, other map types): the same bytes
        Map<String, Object> parsed = new java.util.TreeMap<>(content());
        assertThat(OfflineVerifier.verify(parsed, seal, PEM)).isTrue();
    }

    @Test
    void a_changed_document_another_office_or_a_broken_seal_does_not_check() {
        ElectronicSeal seal = seal(content(), CERTIFICATE.getSerialNumber().toString(16));
        Map<String, Object> tampered = content();
        tampered.put("参保信息", List.of(Map.of("个人账户余额(小写)", "99999.00", "其中累计实际缴费月数", 72)));
        assertThat(OfflineVerifier.verify(tampered, seal, PEM)).isFalse();

        String otherOffice = Sm2.toPem(Sm2.selfSignedCertificate(Sm2.generateKeyPair(), "兰州市医疗保障经办机构", "620100", 10));
        assertThat(OfflineVerifier.verify(content(), seal, otherOffice)).isFalse();
        // the right key, but the seal names another certificate
        assertThat(OfflineVerifier.verify(content(), seal(content(), "abc123"), PEM)).isFalse();

        assertThat(OfflineVerifier.verify(content(), null, PEM)).isFalse();
        assertThat(OfflineVerifier.verify(content(), seal, null)).isFalse();
        assertThat(OfflineVerifier.verify(content(), seal, "not a certificate")).isFalse();
        ElectronicSeal garbage = new ElectronicSeal(Sm2.ALGORITHM, "620600", "x", seal.certificateSerial(), Instant.now(),
                "%%% not base64 %%%");
        assertThat(OfflineVerifier.verify(content(), garbage, PEM)).isFalse();
    }
}
