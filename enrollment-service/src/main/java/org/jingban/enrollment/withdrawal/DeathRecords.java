package org.jingban.enrollment.withdrawal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * 死亡信息 by 部门数据共享: seed 002 §九 lists for 因死亡支取 "…通过数据共享无法查询死亡信息的应提供个人承诺书", so a death is
 * confirmed from the data, not from the applicant's word. The local adapter keeps the records the civil-affairs /
 * public-security exchange delivered (collection {@code shared_death_records}, loaded through
 * {@code POST /api/v1/enrollment/shared-data/death-records} by a system client); a region connects its exchange here.
 */
@Component
public class DeathRecords {

    /** One death as shared: the deceased's 证件号码 and the date of death. */
    @Document("shared_death_records")
    public record SharedDeathRecord(@Id String idNumber, String dateOfDeath, String source, Instant receivedAt) {
    }

    private final ReactiveMongoTemplate mongo;

    public DeathRecords(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Whether the exchange has delivered a death record of this person. */
    public Mono<Boolean> confirms(String idNumber) {
        return idNumber == null ? Mono.just(false)
                : mongo.findById(idNumber.trim().toUpperCase(), SharedDeathRecord.class).hasElement();
    }

    public Mono<SharedDeathRecord> receive(String idNumber, String dateOfDeath, String source) {
        return mongo.save(new SharedDeathRecord(idNumber.trim().toUpperCase(), dateOfDeath, source, Instant.now()));
    }
}
