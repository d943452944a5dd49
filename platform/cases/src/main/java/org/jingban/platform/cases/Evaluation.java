package org.jingban.platform.cases;

import java.time.Instant;

/** The applicant's rating of the service (好差评): 1 (非常不满意) to 5 (非常满意). */
public record Evaluation(int score, String comment, Instant time) {
}
