package org.jingban.platform.signing;

import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;


/**
 * Verification without the issuing service (离线验签): the document's content as JSON-like maps, its seal and the
 * signing office's public certificate (PEM, as every sealing service publishes it: transfer-service at
 * {@code GET /api/v1/transfer/offices/{regionCode}/certificate}, designated-institution-service at
 * {@code GET /api/v1/designated-institutions/seals/{regionCode}}). No Spring: bcprov and this module's classes only.
 */
public final class OfflineVerifier {

    private OfflineVerifier() {
    }

    public static boolean verify(Map<String, Object> content, ElectronicSeal seal, String certificatePem) {
        if (seal == null || seal.value() == null || certificatePem == null) {
            return false;
        }
        try {
            X509Certificate certificate = Sm2.certificateFromPem(certificatePem);
            if (seal.certificateSerial() != null
                    && !seal.certificateSerial().equals(certificate.getSerialNumber().toString(16))) {
                return false;
            }
            return Sm2.verify(certificate.getPublicKey(), CanonicalJson.bytes(content),
                    Base64.getDecoder().decode(seal.value()));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
