package org.jingban.reimbursement.maternity;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * 出生医学证明 by 部门数据共享 ("加强部门间数据共享，相互提供证明材料。医疗保障经办业务平台如无法通过其它部门提供出生医学
 * 证明等，由办理人提供，无法提供的，需提供个人承诺书", gansu remark on 622036007001–004). The local adapter keeps the
 * records the health department's exchange delivered (collection {@code shared_birth_certificates}, loaded through
 * {@code POST /api/v1/reimbursement/shared-data/birth-certificates} by a system client); a region connects its
 * 卫健 exchange here instead.
 */
@Component
public class BirthCertificates {

    /** One 出生医学证明 as shared: its number and the mother's 证件号码. */
    @Document("shared_birth_certificates")
    public record SharedBirthCertificate(@Id String number, String motherIdNumber, String babyName, Instant receivedAt) {
    }

    private final ReactiveMongoTemplate mongo;

    public BirthCertificates(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Whether the exchange has the certificate, issued to this mother. */
    public Mono<Boolean> confirms(String number, String motherIdNumber) {
        if (number == null || number.isBlank()) {
            return Mono.just(false);
        }
        return mongo.findById(number.trim().toUpperCase(), SharedBirthCertificate.class)
                .map(c -> c.motherIdNumber().equals(motherIdNumber)).defaultIfEmpty(false);
    }

    public Mono<SharedBirthCertificate> receive(SharedBirthCertificate certificate) {
        return mongo.save(new SharedBirthCertificate(certificate.number().trim().toUpperCase(),
                certificate.motherIdNumber(), certificate.babyName(), Instant.now()));
    }
}
