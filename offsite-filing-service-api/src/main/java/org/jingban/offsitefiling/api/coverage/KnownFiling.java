package org.jingban.offsitefiling.api.coverage;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An 异地就医备案 as offsite-filing-service last said (read model of its filing events, keyed by 备案编号): enough to
 * tell whether a bill incurred off-site on a day was filed. A filing that ended (取消, 变更, 过期) still covers the days
 * before its end.
 */
@Document("known_filings")
public record KnownFiling(@Id String filingNumber, String idNumber, String insuredRegionCode, String destinationCode,
                          LocalDate validFrom, LocalDate validUntil, String status, LocalDate endedOn) {

    /** Whether a visit in {@code regionCode} on {@code day} falls under this filing. */
    public boolean covers(String regionCode, LocalDate day) {
        if (validFrom == null || day.isBefore(validFrom) || (validUntil != null && day.isAfter(validUntil))
                || (endedOn != null && !day.isBefore(endedOn))) {
            return false;
        }
        return Pools.within(regionCode, destinationCode);
    }
}
