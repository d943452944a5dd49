package org.jingban.transfer.api;

import java.time.Instant;

/**
 * 电子签章 on a document: who signed (the office of a 医保区划), with which certificate, and the SM2 signature (Base64)
 * over the canonical JSON of the document's content (object keys sorted, no whitespace; transfer-service's
 * {@code CanonicalJson}), so that anyone holding the document and the signer's certificate can check it offline.
 *
 * @param algorithm         {@code SM3withSM2}
 * @param certificateSerial the signer's certificate serial number, hexadecimal
 */
public record ElectronicSeal(String algorithm, String regionCode, String officeName, String certificateSerial,
                             Instant signedAt, String value) {
}
