package org.jingban.platform.cases;

import java.time.Instant;

/** One transition of a case (办理记录): at which stage, what was done, by whom, when and why. */
public record HistoryEntry(String stage, CaseAction action, String actorId, ActorRole actorRole, Instant time,
                           String remark) {
}
