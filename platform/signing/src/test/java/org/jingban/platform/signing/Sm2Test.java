package org.jingban.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;

/** SM3withSM2 signatures and the offices' self-signed X.509 certificates, PEM in and out. */
class Sm2Test {

    static final KeyPair KEYS = Sm2.generateKeyPair();
    static final byte[] CONTENT = "{\"姓名\":\"张三\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_signature_checks_with_the_key_and_only_over_the_same_bytes() {
        byte[] signature = Sm2.sign(KEYS.getPrivate(), CONTENT);
        assertThat(Sm2.verify(KEYS.getPublic(), CONTENT, signature)).isTrue();
        assertThat(Sm2.verify(KEYS.getPublic(), "{\"姓名\":\"李四\"}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(Sm2.verify(Sm2.generateKeyPair().getPublic(), CONTENT, signature)).isFalse();
        // malformed input is a failed check, never an exception
        assertThat(Sm2.verify(KEYS.getPublic(), CONTENT, new byte[] {1, 2, 3})).isFalse();
        assertThat(Sm2.verify(KEYS.getPublic(), CONTENT, new byte[0])).isFalse();
        // SM2 signatures are randomised: two signatures of the same bytes differ and both check
        byte[] again = Sm2.sign(KEYS.getPrivate(), CONTENT);
        assertThat(again).isNotEqualTo(signature);
        assertThat(Sm2.verify(KEYS.getPublic(), CONTENT, again)).isTrue();
    }

    @Test
    void an_office_certificate_names_the_office_and_region_and_carries_its_key() {
        X509Certificate certificate = Sm2.selfSignedCertificate(KEYS, "武威市医疗保障局", "620600", 10);
        assertThat(certificate.getSigAlgOID()).isEqualTo("1.2.156.10197.1.501");        // SM2 with SM3
        assertThat(certificate.getSubjectX500Principal().getName()).contains("620600");
        assertThat(certificate.getSubjectX500Principal()).isEqualTo(certificate.getIssuerX500Principal());
        assertThat(certificate.getPublicKey().getEncoded()).isEqualTo(KEYS.getPublic().getEncoded());
        assertThat(certificate.getSerialNumber().signum()).isPositive();
        assertThat(Sm2.issuedBy(certificate, certificate)).isTrue();
        X509Certificate other = Sm2.selfSignedCertificate(Sm2.generateKeyPair(), "兰州市医疗保障经办机构", "620100", 10);
        assertThat(Sm2.issuedBy(certificate, other)).isFalse();
        assertThat(other.getSerialNumber()).isNotEqualTo(certificate.getSerialNumber());
    }

    @Test
    void certificates_and_private_keys_travel_as_pem() {
        X509Certificate certificate = Sm2.selfSignedCertificate(KEYS, "武威市医疗保障局", "620600", 1);
        String pem = Sm2.toPem(certificate);
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        assertThat(Sm2.certificateFromPem(pem)).isEqualTo(certificate);

        String keyPem = Sm2.privateKeyToPem(KEYS.getPrivate());
        assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----");
        byte[] signature = Sm2.sign(Sm2.privateKeyFromPem(keyPem), CONTENT);
        assertThat(Sm2.verify(Sm2.certificateFromPem(pem).getPublicKey(), CONTENT, signature)).isTrue();

        assertThatThrownBy(() -> Sm2.certificateFromPem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
