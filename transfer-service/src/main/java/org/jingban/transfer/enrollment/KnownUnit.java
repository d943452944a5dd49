package org.jingban.transfer.enrollment;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A 参保单位 as enrollment-service's unit events last described it (enrollment-service-api's {@code UnitEvents}): its
 * id there (what a person's insurance names as {@code unitId}) and its 统一社会信用代码 (what its agents' tokens carry).
 * The newest event replaces it; a unit's events are ordered by their key.
 */
@Document("known_units")
public record KnownUnit(@Id String unitId, String uscc, String name, String regionCode, Instant updatedAt) {
}
