package org.jingban.transfer.signing;

import java.time.Instant;

/**
 * 电子签章 on a document: who signed (the office of a 医保区划), with which certificate, and the SM2 signature
 * (Base64) over {@link CanonicalJson} of the document's content.
 */
public record ElectronicSeal(String algorithm, String regionCode, String officeName, String certificateSerial,
                             Instant signedAt, String value) {
}
