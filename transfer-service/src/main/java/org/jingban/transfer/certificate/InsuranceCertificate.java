package org.jingban.transfer.certificate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jingban.platform.signing.ElectronicSeal;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 《参保凭证》(表8), 622036003001: the data as printed, numbered per region and year without gaps, sealed by the
 * issuing office (电子签章). {@code content} is exactly what the seal covers.
 *
 * @param sequence the XXXX of 第XXXX号; unique with the region and year, which is what makes the numbering gap-free:
 *                 a certificate only exists once its number is taken (see {@link CertificateService})
 */
@Document("insurance_certificates")
@CompoundIndex(name = "number_sequence", def = "{'regionCode': 1, 'year': 1, 'sequence': 1}", unique = true)
public record InsuranceCertificate(@Id String id, @Indexed(unique = true) String number, String regionCode, int year,
                                   long sequence, @Indexed String idNumber, Map<String, Object> content,
                                   ElectronicSeal seal, String caseNumber, Instant issuedAt) {

    public InsuranceCertificate {
        content = content == null ? Map.of() : new LinkedHashMap<>(content);
    }

    public InsuranceCertificate withCaseNumber(String number) {
        return new InsuranceCertificate(id, this.number, regionCode, year, sequence, idNumber, content, seal, number, issuedAt);
    }
}
