package org.jingban.platform.signing;

import java.time.Instant;

/**
 * 电子签章 on a document: who signed (the office of a 医保区划), with which certificate, and the SM2 signature (Base64)
 * over the canonical JSON of the document's content ({@link CanonicalJson}: object keys sorted, no whitespace), so
 * that anyone holding the document and the signer's certificate can check it offline ({@link OfflineVerifier}).
 * Every service's sealed documents carry this record (transfer-service's 参保凭证 and 表10, designated-institution-
 * service's 表19–表23 and agreements); it is part of transfer-service-api's {@code InfoSheet} event.
 *
 * @param algorithm         {@code SM3withSM2}
 * @param certificateSerial the signer's certificate serial number, hexadecimal
 */
public record ElectronicSeal(String algorithm, String regionCode, String officeName, String certificateSerial,
                             Instant signedAt, String value) {
}
