package org.jingban.settlement.monthly;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * "This institution's month is declared": one document per institution and month (collection {@code monthly_periods},
 * {@code _id} = {@code <institution>|<yyyy-MM>}), so that two declarations of one month cannot both start — the store's
 * unique {@code _id} decides. {@code claimId} is the claiming request's; {@code caseId} is set once its case exists.
 */
@Document("monthly_periods")
public record MonthClaim(@Id String key, String claimId, String caseId, Instant claimedAt) {

    static String key(String institution, String month) {
        return institution + "|" + month;
    }
}
