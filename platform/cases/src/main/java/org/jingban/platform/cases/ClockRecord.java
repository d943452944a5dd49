package org.jingban.platform.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jingban.platform.calendar.CaseClock;
import org.jingban.platform.calendar.WorkingDayCalendar;

/**
 * The stored form of a promised-time clock. The arithmetic belongs to the calendar's
 * {@link CaseClock}; this record only keeps the facts (start, limit, pauses, completion) in a
 * shape the case document owns, and replays them into a {@code CaseClock} when asked.
 */
public record ClockRecord(LocalDate start, int limitWorkingDays, List<PausePeriod> pauses, LocalDate completedOn) {

    public ClockRecord {
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
    }

    public static ClockRecord start(LocalDate start, int limitWorkingDays) {
        return new ClockRecord(start, limitWorkingDays, List.of(), null);
    }

    public boolean paused() {
        return !pauses.isEmpty() && pauses.get(pauses.size() - 1).until() == null;
    }

    public ClockRecord pause(LocalDate on) {
        if (paused() || completedOn != null) {
            return this;
        }
        List<PausePeriod> next = new ArrayList<>(pauses);
        next.add(new PausePeriod(on, null));
        return new ClockRecord(start, limitWorkingDays, next, null);
    }

    public ClockRecord resume(LocalDate on) {
        if (!paused()) {
            return this;
        }
        List<PausePeriod> next = new ArrayList<>(pauses);
        PausePeriod open = next.remove(next.size() - 1);
        next.add(new PausePeriod(open.from(), on));
        return new ClockRecord(start, limitWorkingDays, next, completedOn);
    }

    public ClockRecord complete(LocalDate on) {
        return completedOn != null ? this : new ClockRecord(start, limitWorkingDays, pauses, on);
    }

    public CaseClock toClock() {
        CaseClock clock = CaseClock.start(start, limitWorkingDays);
        for (PausePeriod pause : pauses) {
            clock = clock.pause(pause.from());
            if (pause.until() != null) {
                clock = clock.resume(pause.until());
            }
        }
        return completedOn == null ? clock : clock.complete(completedOn);
    }

    public LocalDate dueDate(WorkingDayCalendar calendar) {
        return toClock().dueDate(calendar);
    }

    public DeadlineView view(LocalDate today, WorkingDayCalendar calendar, int dueSoonWorkingDays) {
        CaseClock clock = toClock();
        return new DeadlineView(limitWorkingDays, clock.dueDate(calendar), clock.status(today, calendar, dueSoonWorkingDays),
                clock.remainingWorkingDays(today, calendar));
    }
}
