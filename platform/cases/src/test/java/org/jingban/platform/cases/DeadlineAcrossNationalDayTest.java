package org.jingban.platform.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingban.platform.cases.CaseFixtures.*;

import java.time.LocalDate;

import org.jingban.platform.calendar.DeadlineStatus;
import org.jingban.platform.catalog.CaseKind;
import org.jingban.platform.catalog.RiskLevel;
import org.jingban.platform.catalog.TimeLimit;
import org.junit.jupiter.api.Test;

/**
 * 2025 国庆/中秋: 10-01 to 10-08 off; Sun 09-28 and Sat 10-11 are make-up working days (调休).
 * A 5-working-day item accepted on Fri 09-26 counts 09-28 (1), 09-29 (2), 09-30 (3), 10-09 (4), 10-10 (5).
 */
class DeadlineAcrossNationalDayTest {

    private final Case c = accepted(item("622036001002", "职工参保登记", java.util.List.of("申请", "受理", "审核", "办结"),
            new TimeLimit(5, java.util.Map.of(), null, null, "5个工作日"), RiskLevel.LOW, CaseKind.PROMISED),
            on(2025, 9, 26));

    @Test
    void the_due_date_skips_the_holiday_and_counts_the_make_up_sunday() {
        assertThat(c.getDueDate()).isEqualTo(LocalDate.of(2025, 10, 10));
    }

    @Test
    void three_working_days_left_on_monday_is_on_track() {
        // 09-28 and 09-29 used: 5 - 2 = 3 left
        DeadlineView view = c.deadline(LocalDate.of(2025, 9, 29), CALENDAR, 2);
        assertThat(view.status()).isEqualTo(DeadlineStatus.ON_TRACK);
        assertThat(view.remainingWorkingDays()).isEqualTo(3);
    }

    @Test
    void during_the_holiday_two_working_days_are_left_so_it_is_due_soon() {
        // 09-28, 09-29, 09-30 used: 5 - 3 = 2 left on 10-08, a holiday
        DeadlineView view = c.deadline(LocalDate.of(2025, 10, 8), CALENDAR, 2);
        assertThat(view.status()).isEqualTo(DeadlineStatus.DUE_SOON);
        assertThat(view.remainingWorkingDays()).isEqualTo(2);
    }

    @Test
    void on_the_make_up_saturday_after_the_due_date_it_is_overdue() {
        DeadlineView view = c.deadline(LocalDate.of(2025, 10, 11), CALENDAR, 2);
        assertThat(view.status()).isEqualTo(DeadlineStatus.OVERDUE);
        assertThat(view.remainingWorkingDays()).isEqualTo(-1);
    }
}
