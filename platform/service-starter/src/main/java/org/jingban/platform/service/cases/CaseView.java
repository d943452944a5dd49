package org.jingban.platform.service.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.DeadlineView;
import org.jingban.platform.cases.Evaluation;
import org.jingban.platform.cases.HistoryEntry;
import org.jingban.platform.cases.MaterialStatus;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.Stage;
import org.jingban.platform.messaging.EventJson;
import org.jingban.platform.service.items.Delegate;

/**
 * A case as staff of its region see it (办件详情): the whole form, materials, every stage with who did it,
 * the promised and the stage deadline. Reading it is audited; applicants get {@code CaseProgress} instead.
 */
public record CaseView(String caseNumber, String itemCode, String itemName, String regionCode, Channel channel,
                       Party applicant, Party subject, CaseStatus status, String statusLabel, String currentStage,
                       Map<String, Object> form, List<MaterialStatus> materials, List<Stage> stages,
                       LocalDate submittedOn, LocalDate acceptedOn, LocalDate dueDate, DeadlineView deadline,
                       DeadlineView stageDeadline, List<Reason> reasons, Map<String, Object> details,
                       List<HistoryEntry> history, Evaluation evaluation) {

    static CaseView of(Case c, DeadlineView deadline, DeadlineView stageDeadline) {
        return new CaseView(c.getCaseNumber(), c.getItemCode(), c.getItemName(), c.getRegionCode(), c.getChannel(),
                c.getApplicant(), c.getSubject(), c.getStatus(), c.getStatus().label(), c.currentStageName(),
                c.getForm(), c.getMaterials(), c.getStages(), c.getSubmittedOn(), c.getAcceptedOn(), c.getDueDate(),
                deadline, stageDeadline, c.getReasons(), c.getDetails(), c.getHistory(), c.getEvaluation());
    }

    /**
     * One line of a work queue (待办): no form, the applicant's id masked; for 委托办理 the 被委托人 masked (the clerk
     * checks both identity documents' originals and the 授权委托书).
     */
    public record Line(String caseNumber, String itemCode, String itemName, String regionCode, String applicantName,
                       String applicantId, CaseStatus status, String currentStage, LocalDate submittedOn,
                       LocalDate dueDate, DeadlineView deadline,
                       @JsonProperty(Delegate.FIELD) @JsonInclude(JsonInclude.Include.NON_NULL) Delegate delegate) {

        public static Line of(Case c, DeadlineView deadline) {
            Party applicant = c.getApplicant();
            return new Line(c.getCaseNumber(), c.getItemCode(), c.getItemName(), c.getRegionCode(),
                    applicant == null ? null : applicant.name(), applicant == null ? null : applicant.maskedId(),
                    c.getStatus(), c.currentStageName(), c.getSubmittedOn(), c.getDueDate(), deadline,
                    delegateOf(c) == null ? null : delegateOf(c).masked());
        }
    }

    /** The case's 被委托人 as the kernel stored it with the form ({@link Delegate#FIELD}); null when none. */
    public static Delegate delegateOf(Case c) {
        Object stored = c.getForm().get(Delegate.FIELD);
        return stored instanceof Map<?, ?> ? EventJson.mapper().convertValue(stored, Delegate.class) : null;
    }
}
