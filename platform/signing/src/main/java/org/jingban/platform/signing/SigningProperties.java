package org.jingban.platform.signing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code jingban.signing.*}: the offices' SM2 keys (电子签章), the same in every service that seals. In production
 * every office the deployment serves has {@code offices.<regionCode>.private-key} and {@code .certificate} (PEM,
 * from the secret store: one office, one key and certificate, whichever service seals); with
 * {@code generate-missing} (local mode) a missing office gets a generated key and self-signed certificate, kept
 * in the service's database ({@code office_keys}) so that documents signed before a restart still verify.
 */
@ConfigurationProperties(SigningProperties.PREFIX)
public class SigningProperties {

    public static final String PREFIX = "jingban.signing";

    private boolean generateMissing = true;
    private Map<String, Office> offices = new LinkedHashMap<>();
    /** Certificates of offices in other provinces (from the national platform), one PEM per file named {@code <regionCode>.pem}. */
    private String trustedCertificates = "classpath*:national-trust/*.pem";

    public boolean isGenerateMissing() {
        return generateMissing;
    }

    public void setGenerateMissing(boolean generateMissing) {
        this.generateMissing = generateMissing;
    }

    public Map<String, Office> getOffices() {
        return offices;
    }

    public void setOffices(Map<String, Office> offices) {
        this.offices = offices;
    }

    public String getTrustedCertificates() {
        return trustedCertificates;
    }

    public void setTrustedCertificates(String trustedCertificates) {
        this.trustedCertificates = trustedCertificates;
    }

    public static class Office {
        private String privateKey;
        private String certificate;

        public String getPrivateKey() {
            return privateKey;
        }

        public void setPrivateKey(String privateKey) {
            this.privateKey = privateKey;
        }

        public String getCertificate() {
            return certificate;
        }

        public void setCertificate(String certificate) {
            this.certificate = certificate;
        }
    }
}
