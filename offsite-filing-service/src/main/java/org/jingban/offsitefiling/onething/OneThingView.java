package org.jingban.offsitefiling.onething;

import java.time.LocalDate;
import java.util.List;

import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.DeadlineView;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.identifiers.Masking;

/**
 * 办理进度 of one 一件事: the bundle's 办件号, status and clock (承诺 and 法定 due dates; overdue shows here, on the bundle),
 * each part's state with its own case number (备案编号 for the 备案) and reasons, and the one notice.
 *
 * @param deadlineStatus ON_TRACK, DUE_SOON, OVERDUE … of the promised limit, while the bundle runs
 * @param overdue        past the promised due date while unfinished, or finished after it
 * @param statutoryOverdue past the statutory due date (法定办结时限) likewise
 */
public record OneThingView(String caseNumber, String name, String idNumber, String personName, String regionCode,
                           String status, String statusLabel, LocalDate submittedOn, LocalDate dueDate,
                           LocalDate statutoryDueDate, String deadlineStatus, boolean overdue, boolean statutoryOverdue,
                           List<PartView> parts, String notice) {

    /** One part: what it is, where it runs, its state. */
    public record PartView(String name, String service, String mode, String state, String stateLabel,
                           String caseNumber, List<String> bound, List<Reason> reasons, String note) {
    }

    static OneThingView of(OneThing t, Case c, DeadlineView deadline, LocalDate statutoryDue, LocalDate today) {
        LocalDate end = c.getStatus().finished() ? c.getFinishedOn() : today;
        boolean overdue = c.getDueDate() != null && end != null && end.isAfter(c.getDueDate());
        boolean statutoryOverdue = statutoryDue != null && end != null && end.isAfter(statutoryDue);
        List<PartView> parts = t.getParts().stream().map(p -> new PartView(p.name(), p.service(), p.mode().name(),
                p.state().name(), p.state().label(), p.caseNumber(), p.bound(), p.reasons(), p.note())).toList();
        return new OneThingView(t.getCaseNumber(), t.getName(), Masking.idNumber(t.getIdNumber()), t.getPersonName(),
                t.getRegionCode(), c.getStatus().name(), c.getStatus().label(), c.getSubmittedOn(), c.getDueDate(),
                statutoryDue, deadline == null || c.getStatus().finished() ? null : String.valueOf(deadline.status()),
                overdue, statutoryOverdue, parts, t.notice());
    }
}
