package org.jingban.notification.web;

import java.util.Set;

/**
 * Who calls an endpoint, as this service needs it: the party whose inbox {@code /me} is (证件号码, 统一社会信用代码
 * or 机构编码, matching {@code CaseEventData.applicant.id}), whether the caller is ops, and the regions a staff caller
 * serves. Obtained in one place only: {@link RequesterResolver}.
 */
public record Requester(String partyId, boolean ops, Set<String> staffRegions) {

    public Requester {
        staffRegions = staffRegions == null ? Set.of() : Set.copyOf(staffRegions);
    }

    public boolean serves(String regionCode) {
        return ops || staffRegions.contains(regionCode);
    }
}
