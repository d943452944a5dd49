package org.jingban.platform.cases;

import java.time.LocalDate;

import org.jingban.platform.calendar.DeadlineStatus;

/** A clock as people see it: the promised limit, due date (办结期限), status and working days left. */
public record DeadlineView(int limitWorkingDays, LocalDate dueDate, DeadlineStatus status, int remainingWorkingDays) {
}
