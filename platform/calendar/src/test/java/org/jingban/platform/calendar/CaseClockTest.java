package org.jingban.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CaseClockTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.bundled();
    /** 受理 Mon 2025-11-03, 5 working days: Tue 04, Wed 05, Thu 06, Fri 07, Mon 10 → due 2025-11-10. */
    private static final CaseClock FIVE_DAYS = CaseClock.start(LocalDate.of(2025, 11, 3), 5);

    @Test
    void the_due_date_is_the_limit_th_working_day_after_acceptance() {
        assertThat(FIVE_DAYS.dueDate(CALENDAR)).isEqualTo(LocalDate.of(2025, 11, 10));
    }

    @Test
    void the_due_date_skips_the_national_day_holiday() {
        // Fri 2025-09-26: Sun 28, Mon 29, Tue 30, Thu 10-09, Fri 10-10
        assertThat(CaseClock.start(LocalDate.of(2025, 9, 26), 5).dueDate(CALENDAR)).isEqualTo(LocalDate.of(2025, 10, 10));
    }

    @Test
    void a_pause_for_supplementary_material_moves_the_due_date_by_the_working_days_paused() {
        // given paused Wed 11-05 (counts), resumed Wed 11-12 (does not): (05, 12] = 06, 07, 10, 11, 12 = 5 days
        CaseClock clock = FIVE_DAYS.pause(LocalDate.of(2025, 11, 5)).resume(LocalDate.of(2025, 11, 12));

        // then due = 5 + 5 = 10th working day after 11-03: 04 05 06 07 10 11 12 13 14 17
        assertThat(clock.dueDate(CALENDAR)).isEqualTo(LocalDate.of(2025, 11, 17));
        // on Thu 11-13: counted 04, 05, 13 = 3 → 2 left (14, 17)
        assertThat(clock.remainingWorkingDays(LocalDate.of(2025, 11, 13), CALENDAR)).isEqualTo(2);
        assertThat(clock.status(LocalDate.of(2025, 11, 13), CALENDAR, 1)).isEqualTo(DeadlineStatus.ON_TRACK);
    }

    @Test
    void while_paused_the_clock_is_frozen_and_reports_paused() {
        // given paused on Wed 11-05 after 2 counted days (04, 05)
        CaseClock clock = FIVE_DAYS.pause(LocalDate.of(2025, 11, 5));

        // then even long after the original due date
        assertThat(clock.paused()).isTrue();
        assertThat(clock.status(LocalDate.of(2025, 11, 20), CALENDAR, 2)).isEqualTo(DeadlineStatus.PAUSED);
        assertThat(clock.remainingWorkingDays(LocalDate.of(2025, 11, 20), CALENDAR)).isEqualTo(3);
        assertThat(clock.dueDate(CALENDAR)).isEqualTo(LocalDate.of(2025, 11, 10)); // earliest possible while paused
    }

    @Test
    void status_goes_from_on_track_to_due_soon_to_overdue() {
        // Tue 11-04: 1 counted, 4 left
        assertThat(FIVE_DAYS.status(LocalDate.of(2025, 11, 4), CALENDAR, 2)).isEqualTo(DeadlineStatus.ON_TRACK);
        // Fri 11-07: 4 counted, 1 left
        assertThat(FIVE_DAYS.remainingWorkingDays(LocalDate.of(2025, 11, 7), CALENDAR)).isEqualTo(1);
        assertThat(FIVE_DAYS.status(LocalDate.of(2025, 11, 7), CALENDAR, 2)).isEqualTo(DeadlineStatus.DUE_SOON);
        // Mon 11-10, the due date: 0 left, still on time
        assertThat(FIVE_DAYS.remainingWorkingDays(LocalDate.of(2025, 11, 10), CALENDAR)).isZero();
        assertThat(FIVE_DAYS.status(LocalDate.of(2025, 11, 10), CALENDAR, 2)).isEqualTo(DeadlineStatus.DUE_SOON);
        // Tue 11-11: 6 counted, −1
        assertThat(FIVE_DAYS.remainingWorkingDays(LocalDate.of(2025, 11, 11), CALENDAR)).isEqualTo(-1);
        assertThat(FIVE_DAYS.status(LocalDate.of(2025, 11, 11), CALENDAR, 2)).isEqualTo(DeadlineStatus.OVERDUE);
    }

    @Test
    void a_weekend_day_after_the_due_date_is_already_overdue() {
        // due Fri 2025-11-07 (4 working days from Mon 11-03); Sat 11-08 adds no working day but is past it
        CaseClock clock = CaseClock.start(LocalDate.of(2025, 11, 3), 4);
        assertThat(clock.status(LocalDate.of(2025, 11, 8), CALENDAR, 1)).isEqualTo(DeadlineStatus.OVERDUE);
        assertThat(clock.remainingWorkingDays(LocalDate.of(2025, 11, 8), CALENDAR)).isEqualTo(-1);
    }

    @Test
    void a_completed_case_reports_completed_and_keeps_its_remaining_days() {
        CaseClock clock = FIVE_DAYS.complete(LocalDate.of(2025, 11, 7));
        assertThat(clock.status(LocalDate.of(2025, 12, 1), CALENDAR, 2)).isEqualTo(DeadlineStatus.COMPLETED);
        assertThat(clock.remainingWorkingDays(LocalDate.of(2025, 12, 1), CALENDAR)).isEqualTo(1);
    }

    @Test
    void impossible_transitions_are_refused() {
        assertThatThrownBy(() -> FIVE_DAYS.resume(LocalDate.of(2025, 11, 4))).isInstanceOf(IllegalStateException.class);
        CaseClock paused = FIVE_DAYS.pause(LocalDate.of(2025, 11, 4));
        assertThatThrownBy(() -> paused.pause(LocalDate.of(2025, 11, 5))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> paused.resume(LocalDate.of(2025, 11, 3))).isInstanceOf(IllegalArgumentException.class);
        CaseClock done = paused.complete(LocalDate.of(2025, 11, 6));
        assertThat(done.paused()).isFalse();
        assertThatThrownBy(() -> done.pause(LocalDate.of(2025, 11, 7))).isInstanceOf(IllegalStateException.class);
    }
}
