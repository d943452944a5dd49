package org.jingban.enrollment.shared;

import java.time.Instant;

/**
 * One changed item of a register (变更明细): the value before and after, whether it is key information (关键信息),
 * and the case that changed it. Identity numbers in {@code before}/{@code after} are masked in API answers.
 */
public record ChangeRecord(String itemCode, String caseNumber, String field, String before, String after, boolean key,
                           Instant at) {
}
