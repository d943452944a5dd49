package org.jingban.reimbursement.assistance;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who is a recognised 医疗救助对象 (救助对象类别, the region that recognised them): 民政 data, by 部门数据共享. The local
 * adapter keeps what the civil-affairs exchange delivered (collection {@code assistance_recipients}, loaded through
 * {@code POST /api/v1/reimbursement/shared-data/assistance-recipients} by a system client); a region connects its
 * exchange here instead.
 */
@Component
public class AssistanceRecipients {

    /** One recognised recipient: category (特困人员, 低保对象 …) and the region (户籍地) that recognised them. */
    @Document("assistance_recipients")
    public record Recipient(@Id String idNumber, String name, String category, String regionCode, Instant receivedAt) {
    }

    private final ReactiveMongoTemplate mongo;

    public AssistanceRecipients(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Recipient> of(String idNumber) {
        return mongo.findById(idNumber, Recipient.class);
    }

    public Mono<Recipient> receive(Recipient r) {
        return mongo.save(new Recipient(r.idNumber(), r.name(), r.category(), r.regionCode(), Instant.now()));
    }
}
