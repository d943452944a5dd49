package org.jingban.platform.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * 办理时限计时: the clock of one case, "办结 within {@code limitWorkingDays} working days", which stops
 * while the office waits for the applicant (补正材料) — 补正时间不计入办理时限.
 *
 * <p>Precisely (all counts in working days, each event's own day not counted, as in 民法典第二百零一条):
 * <ul>
 *   <li>the clock counts the working days after {@code start};</li>
 *   <li>a pause from {@code from} until {@code until} removes the working days in {@code (from, until]}:
 *       the day the 补正 notice goes out still counts (the office worked that day), the day the material
 *       arrives does not (counting restarts the next day);</li>
 *   <li>{@link #dueDate} is the ({@code limit} + paused working days)-th working day after start. While a
 *       pause is open its length is not known yet, so it counts as 0: the due date shown during a pause is
 *       the earliest possible one, and moves on when the clock is resumed;</li>
 *   <li>the case is on time when 办结 on or before the due date.</li>
 * </ul>
 * Immutable: every transition returns a new clock to be saved with the case.
 *
 * @param completedOn 办结日期, null while open
 */
public record CaseClock(LocalDate start, int limitWorkingDays, List<Pause> pauses, LocalDate completedOn) {

    /** 暂停计时 from {@code from}; {@code until} null while still paused. */
    public record Pause(LocalDate from, LocalDate until) {
        public Pause {
            Objects.requireNonNull(from, "from");
            if (until != null && until.isBefore(from)) {
                throw new IllegalArgumentException("恢复计时日期" + until + "早于暂停日期" + from);
            }
        }

        public boolean open() {
            return until == null;
        }
    }

    public CaseClock {
        Objects.requireNonNull(start, "start");
        if (limitWorkingDays < 0) {
            throw new IllegalArgumentException("办理时限不能为负数：" + limitWorkingDays);
        }
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
        LocalDate earliest = start;
        for (int i = 0; i < pauses.size(); i++) {
            Pause pause = pauses.get(i);
            if (pause.from().isBefore(earliest)) {
                throw new IllegalArgumentException("暂停日期" + pause.from() + "早于受理日期或上一次恢复计时日期" + earliest);
            }
            if (pause.open() && i < pauses.size() - 1) {
                throw new IllegalArgumentException("只有最后一次暂停可以尚未恢复");
            }
            earliest = pause.open() ? pause.from() : pause.until();
        }
        if (completedOn != null) {
            if (completedOn.isBefore(earliest)) {
                throw new IllegalArgumentException("办结日期" + completedOn + "早于" + earliest);
            }
            if (!pauses.isEmpty() && pauses.get(pauses.size() - 1).open()) {
                throw new IllegalArgumentException("已办结的案件不能仍在暂停计时");
            }
        }
    }

    /** 受理: the clock starts; the start day itself is not counted. */
    public static CaseClock start(LocalDate start, int limitWorkingDays) {
        return new CaseClock(start, limitWorkingDays, List.of(), null);
    }

    /** 补正: stop the clock while waiting for the applicant. */
    public CaseClock pause(LocalDate on) {
        requireOpen();
        if (paused()) {
            throw new IllegalStateException("已在暂停计时中");
        }
        List<Pause> next = new ArrayList<>(pauses);
        next.add(new Pause(on, null));
        return new CaseClock(start, limitWorkingDays, next, null);
    }

    /** The applicant answered: the clock runs again from the day after {@code on}. */
    public CaseClock resume(LocalDate on) {
        requireOpen();
        if (!paused()) {
            throw new IllegalStateException("未暂停计时，无需恢复");
        }
        return new CaseClock(start, limitWorkingDays, closeOpenPause(on), null);
    }

    /** 办结 (also ends an open pause, e.g. a case closed while waiting for material). */
    public CaseClock complete(LocalDate on) {
        requireOpen();
        return new CaseClock(start, limitWorkingDays, paused() ? closeOpenPause(on) : pauses, on);
    }

    public boolean paused() {
        return !pauses.isEmpty() && pauses.get(pauses.size() - 1).open();
    }

    public boolean completed() {
        return completedOn != null;
    }

    /** The last day to 办结 on time; see the class comment for how pauses move it. */
    public LocalDate dueDate(WorkingDayCalendar calendar) {
        int paused = 0;
        for (Pause pause : pauses) {
            if (!pause.open()) {
                paused += calendar.workingDaysBetween(pause.from(), pause.until());
            }
        }
        return calendar.addWorkingDays(start, limitWorkingDays + paused);
    }

    /**
     * COMPLETED once 办结, PAUSED while waiting, OVERDUE after the due date, DUE_SOON when at most
     * {@code dueSoonWorkingDays} working days remain (the due day itself included: 0 left means due today),
     * otherwise ON_TRACK.
     */
    public DeadlineStatus status(LocalDate today, WorkingDayCalendar calendar, int dueSoonWorkingDays) {
        if (completed()) {
            return DeadlineStatus.COMPLETED;
        }
        if (paused()) {
            return DeadlineStatus.PAUSED;
        }
        if (today.isAfter(dueDate(calendar))) {
            return DeadlineStatus.OVERDUE;
        }
        return remainingWorkingDays(today, calendar) <= dueSoonWorkingDays
                ? DeadlineStatus.DUE_SOON : DeadlineStatus.ON_TRACK;
    }

    /**
     * Working days left until the due date: {@code limit} minus the working days counted so far. 0 on the
     * due date; negative when overdue (at least −1 on any day after the due date, even a weekend that adds
     * no working day). Frozen while paused (counted up to the pause day) and once completed (up to 办结).
     */
    public int remainingWorkingDays(LocalDate today, WorkingDayCalendar calendar) {
        LocalDate reference = completed() ? completedOn : paused() ? pauses.get(pauses.size() - 1).from() : today;
        int used = calendar.workingDaysBetween(start, reference);
        for (Pause pause : pauses) {
            if (!pause.open() && pause.from().isBefore(reference)) {
                LocalDate end = pause.until().isBefore(reference) ? pause.until() : reference;
                used -= calendar.workingDaysBetween(pause.from(), end);
            }
        }
        int remaining = limitWorkingDays - used;
        return reference.isAfter(dueDate(calendar)) ? Math.min(remaining, -1) : remaining;
    }

    private void requireOpen() {
        if (completed()) {
            throw new IllegalStateException("案件已于" + completedOn + "办结，计时已结束");
        }
    }

    private List<Pause> closeOpenPause(LocalDate on) {
        List<Pause> next = new ArrayList<>(pauses);
        Pause open = next.remove(next.size() - 1);
        next.add(new Pause(open.from(), on));
        return next;
    }
}
