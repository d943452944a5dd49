package org.jingban.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.bundled();

    @Test
    void the_bundled_calendar_knows_2020_to_2026() {
        assertThat(calendar.years()).containsExactly(2020, 2021, 2022, 2023, 2024, 2025, 2026);
    }

    @Test
    void three_working_days_from_friday_before_national_day_2025_include_the_make_up_sunday() {
        // Fri 2025-09-26 → Sun 09-28 (调休上班) 1, Mon 09-29 2, Tue 09-30 3
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 28))).isTrue();
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 9, 26), 3)).isEqualTo(LocalDate.of(2025, 9, 30));
    }

    @Test
    void the_eight_day_national_day_and_mid_autumn_holiday_2025_is_skipped() {
        // Oct 1–8 are off: the 4th working day after Fri 09-26 is Thu 10-09
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 9, 26), 4)).isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 9, 30), LocalDate.of(2025, 10, 8))).isZero();
    }

    @Test
    void the_make_up_saturday_after_national_day_2025_counts() {
        // Tue 09-30 → Thu 10-09 1, Fri 10-10 2, Sat 10-11 (调休上班) 3
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 9, 30), 3)).isEqualTo(LocalDate.of(2025, 10, 11));
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 12))).isFalse();
    }

    @Test
    void spring_festival_2026_with_its_two_make_up_saturdays() {
        // Sat 02-14 调休上班, 02-15…02-23 off, Sat 02-28 调休上班
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 2)).isEqualTo(LocalDate.of(2026, 2, 24));
        // after 02-13: 02-14, 02-24, 02-25, 02-26, 02-27, 02-28 = 6
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 28))).isEqualTo(6);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).isFalse();
    }

    @Test
    void crossing_the_year_end_into_new_year_2026() {
        // Wed 2025-12-31 → 2026-01-01…01-03 off, Sun 01-04 调休上班 1, Mon 01-05 2
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 12, 31), 1)).isEqualTo(LocalDate.of(2026, 1, 4));
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 12, 31), 2)).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 12, 30), LocalDate.of(2026, 1, 5))).isEqualTo(3);
    }

    @Test
    void a_span_over_all_bundled_years_is_counted_year_by_year() {
        // working days 2020–2026: 249 + 250 + 249 + 249 + 251 + 248 + 248 = 1744
        assertThat(calendar.workingDaysBetween(LocalDate.of(2019, 12, 31), LocalDate.of(2026, 12, 31))).isEqualTo(1744);
        assertThat(calendar.addWorkingDays(LocalDate.of(2019, 12, 31), 1744)).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void a_make_up_saturday_published_in_next_years_notice_applies_to_this_year() {
        // given a 2027 notice that (like the 2019 one) makes Sat 2026-12-26 a make-up working day
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 26))).isFalse();
        YearSchedule y2027 = new YearSchedule(2027, List.of(
                new ScheduleDay(LocalDate.of(2026, 12, 26), "元旦", false),
                new ScheduleDay(LocalDate.of(2027, 1, 1), "元旦", true)));

        // when
        calendar.load(y2027);

        // then
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 26))).isTrue();
    }

    @Test
    void zero_working_days_end_on_the_start_day_and_a_backward_span_counts_zero() {
        LocalDate saturday = LocalDate.of(2025, 10, 4);
        assertThat(calendar.addWorkingDays(saturday, 0)).isEqualTo(saturday);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 10, 20), LocalDate.of(2025, 10, 10))).isZero();
        assertThatThrownBy(() -> calendar.addWorkingDays(saturday, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_year_after_the_newest_published_one_counts_monday_to_friday_until_it_is_published() {
        // 2026-12-31 (Thu) + 1 working day: Fri 2027-01-01 provisionally (元旦 not yet published)
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(calendar.isProvisional(2027)).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 6))).isFalse(); // a Saturday
        assertThat(calendar.isProvisional(2026)).isFalse();
    }

    @Test
    void running_two_years_past_the_newest_published_one_is_refused_naming_the_year() {
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2027, 12, 31), 1))
                .isInstanceOfSatisfying(UnknownScheduleYearException.class, e -> assertThat(e.year()).isEqualTo(2028))
                .hasMessage("尚未公布2028年节假日安排，无法按工作日计算");
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2028, 3, 1)))
                .isInstanceOf(UnknownScheduleYearException.class);
    }

    @Test
    void loading_the_2027_schedule_at_run_time_makes_2027_computable() {
        // given
        YearSchedule y2027 = new YearSchedule(2027, List.of(new ScheduleDay(LocalDate.of(2027, 1, 1), "元旦", true)));

        // when
        calendar.load(y2027);

        // then Thu 2026-12-31 → Fri 2027-01-01 off → Mon 01-04
        assertThat(calendar.years()).contains(2027);
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(calendar.schedule(2027)).hasValue(y2027);
        // another bundled calendar is not affected
        assertThat(WorkingDayCalendar.bundled().years()).doesNotContain(2027);
    }

    @Test
    void a_loaded_year_replaces_the_previous_schedule_of_that_year() {
        // given a correction that makes Mon 2026-03-02 a holiday
        YearSchedule corrected = calendar.schedule(2026).orElseThrow();
        List<ScheduleDay> days = new java.util.ArrayList<>(corrected.days());
        days.add(new ScheduleDay(LocalDate.of(2026, 3, 2), "示例", true));

        // when
        calendar.load(new YearSchedule(2026, days));

        // then
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 2))).isFalse();
    }
}
