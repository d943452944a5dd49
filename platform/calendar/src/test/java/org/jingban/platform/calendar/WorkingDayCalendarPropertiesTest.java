package org.jingban.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class WorkingDayCalendarPropertiesTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.bundled();

    /** Start dates from which 300 working days stay inside the bundled years (2020–2026). */
    @Provide
    Arbitrary<LocalDate> starts() {
        return Arbitraries.integers().between(0, 2000).map(d -> LocalDate.of(2019, 12, 31).plusDays(d));
    }

    @Property(tries = 300)
    void the_end_of_a_period_is_a_working_day(@ForAll("starts") LocalDate start, @ForAll @IntRange(min = 1, max = 300) int n) {
        assertThat(CALENDAR.isWorkingDay(CALENDAR.addWorkingDays(start, n))).isTrue();
    }

    @Property(tries = 300)
    void counting_back_gives_the_number_added(@ForAll("starts") LocalDate start, @ForAll @IntRange(min = 0, max = 300) int n) {
        assertThat(CALENDAR.workingDaysBetween(start, CALENDAR.addWorkingDays(start, n))).isEqualTo(n);
    }

    @Property(tries = 300)
    void one_more_working_day_ends_strictly_later(@ForAll("starts") LocalDate start, @ForAll @IntRange(min = 0, max = 299) int n) {
        assertThat(CALENDAR.addWorkingDays(start, n + 1)).isAfter(CALENDAR.addWorkingDays(start, n));
    }
}
