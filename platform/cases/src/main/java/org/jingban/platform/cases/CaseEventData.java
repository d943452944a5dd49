package org.jingban.platform.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The payload of every case event: enough for the notification-service to fill the item's
 * message templates (称呼, 办理日期, 原因, details) without calling back. Fields that do not apply to
 * an event type are null (reasons only on rejected / supplement-requested / refused, details only
 * on completed, score and comment only on evaluated).
 *
 * @param submittedOn the application date (申请日期), the "您于****年**月**日办理的…" of the templates
 * @param stage       the stage the event is about (the completed stage, or the current one)
 * @param nextStage   the stage that is current afterwards, if any
 * @param dueDate     the promised completion date (承诺办结日期), once accepted
 */
public record CaseEventData(String caseId, String caseNumber, String itemCode, String itemName, String regionCode,
                            Party applicant, Party subject, Channel channel, LocalDate submittedOn, CaseStatus status,
                            String stage, String nextStage, LocalDate dueDate, List<Reason> reasons,
                            Map<String, Object> details, Integer score, String comment) {
}
