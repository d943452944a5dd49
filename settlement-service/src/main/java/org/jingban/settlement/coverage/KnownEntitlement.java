package org.jingban.settlement.coverage;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A 门诊慢特病 entitlement as reimbursement-service last said (read model of its {@code EntitlementEvents}), keyed by
 * 认定编号. An ended one still covers the days before the day it ended.
 */
@Document("known_entitlements")
public record KnownEntitlement(@Id String entitlementNumber, String idNumber, String regionCode, String diseaseCode,
                               String diseaseName, boolean crossProvince, String institutionCode, LocalDate validFrom,
                               LocalDate validUntil, String status, LocalDate endedOn) {

    /** Whether it entitles its holder to the disease's benefit on {@code day}. */
    public boolean coversOn(LocalDate day) {
        return validFrom != null && !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil))
                && (endedOn == null || day.isBefore(endedOn));
    }
}
