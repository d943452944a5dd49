package org.jingban.platform.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jingban.platform.calendar.DeadlineStatus;

/**
 * What an applicant sees when querying progress (办理进度查询). Staff ids and names are left out:
 * the citizen learns which post acted (受理人员, 审核人员 …) and when, not who; staff read the case itself.
 *
 * @param deadlineStatus null before acceptance (the clock starts at 受理) and for items without a
 *                       working-day limit
 * @param reasons        the reasons of the last notice (不予受理, 补正, 未通过), all of them
 * @param stageDueDate   the current stage's own clock (环节时限, e.g. 转移接续's 联系函 in 5 working days), if it has
 *                       one; {@code stageDeadlineStatus} shows OVERDUE once that stage is past it
 */
public record CaseProgress(String caseNumber, String itemCode, String itemName, CaseStatus status, String statusLabel,
                           List<String> stagesDone, String currentStage, String nextStage, LocalDate submittedOn,
                           LocalDate dueDate, DeadlineStatus deadlineStatus, Integer remainingWorkingDays,
                           List<Step> history, List<Reason> reasons, Evaluation evaluation,
                           LocalDate stageDueDate, DeadlineStatus stageDeadlineStatus) {

    /** One history line without the actor's identity. */
    public record Step(String stage, String action, String by, Instant time, String remark) {
    }
}
