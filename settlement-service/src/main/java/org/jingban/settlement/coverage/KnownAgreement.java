package org.jingban.settlement.coverage;

import java.time.Instant;

import org.jingban.designation.api.AgreementEvents;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A designated institution's 医保协议 as designated-institution-service last said (read model of its
 * {@code AgreementEvents}), keyed by 定点医药机构编码; {@code creditCode} (统一社会信用代码) is indexed too, since an
 * institution's token may name either.
 */
@Document("known_agreements")
public record KnownAgreement(@Id String institutionCode, String creditCode, AgreementEvents.Agreement agreement,
                             Instant updatedAt) {
}
