package org.jingban.platform.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * 工作日历: working days on the official Chinese calendar (weekends, 法定节假日 and 调休 make-up working
 * days), for the 办理时限 of every service item ("N个工作日").
 *
 * <p>Each year is a {@link BitSet} of its working days plus their count, so spans of many years are
 * skipped a year at a time. Years are replaced whole by {@link #load(YearSchedule)}; readers see either the
 * old or the new year, never a mix (copy-on-write of an immutable map). Thread-safe.
 *
 * <p>Counting follows 民法典第二百零一条: the day an event happens is not counted, the period starts on the
 * next day. So "3 working days from Friday 2025-09-26" ends on the 3rd working day after it.
 */
public final class WorkingDayCalendar {

    private static final String BUNDLED = "/org/jingban/platform/calendar/holidays/";
    private static final int FIRST_BUNDLED_YEAR = 2020;
    private static final int LAST_BUNDLED_YEAR = 2026;

    /** A loaded year: its working days as bits (index dayOfYear − 1) and their count. Immutable. */
    private record Year(YearSchedule schedule, BitSet workingDays, int count) {

        /**
         * Year {@code y}'s bits from weekdays, then the days dated in y of the schedules of y − 1, y and
         * y + 1, in that order: a holiday spanning the new year is published in the later notice, which wins.
         */
        static Year of(YearSchedule schedule, Map<Integer, YearSchedule> schedules) {
            int y = schedule.year();
            LocalDate first = LocalDate.of(y, 1, 1);
            int length = first.lengthOfYear();
            BitSet bits = new BitSet(length);
            for (int i = 0; i < length; i++) {
                DayOfWeek d = first.plusDays(i).getDayOfWeek();
                if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
                    bits.set(i);
                }
            }
            for (int source = y - 1; source <= y + 1; source++) {
                YearSchedule s = source == y ? schedule : schedules.get(source);
                if (s != null) {
                    for (ScheduleDay day : s.days()) {
                        if (day.date().getYear() == y) {
                            bits.set(day.date().getDayOfYear() - 1, !day.offDay());
                        }
                    }
                }
            }
            return new Year(schedule, bits, bits.cardinality());
        }
    }

    private static final class Bundled {
        static final Map<Integer, Year> YEARS = load();

        private static Map<Integer, Year> load() {
            Map<Integer, YearSchedule> schedules = new TreeMap<>();
            for (int y = FIRST_BUNDLED_YEAR; y <= LAST_BUNDLED_YEAR; y++) {
                try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(BUNDLED + y + ".json")) {
                    if (in == null) {
                        throw new IllegalStateException("missing bundled holiday schedule " + y);
                    }
                    schedules.put(y, YearSchedule.fromJson(in.readAllBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            Map<Integer, Year> years = new TreeMap<>();
            schedules.values().forEach(s -> years.put(s.year(), Year.of(s, schedules)));
            return Collections.unmodifiableMap(years);
        }
    }

    private volatile SortedMap<Integer, Year> years;

    private WorkingDayCalendar(Map<Integer, Year> years) {
        this.years = Collections.unmodifiableSortedMap(new TreeMap<>(years));
    }

    /** A new calendar with the bundled years 2020–2026 (parsed once per JVM, shared immutably). */
    public static WorkingDayCalendar bundled() {
        return new WorkingDayCalendar(Bundled.YEARS);
    }

    /** A calendar with exactly these schedules, for tests and tools. */
    public static WorkingDayCalendar of(YearSchedule... schedules) {
        WorkingDayCalendar calendar = new WorkingDayCalendar(Map.of());
        for (YearSchedule schedule : schedules) {
            calendar.load(schedule);
        }
        return calendar;
    }

    /** Adds a year or replaces it (e.g. 2027 once published, or a corrected year). */
    public void load(YearSchedule schedule) {
        Objects.requireNonNull(schedule, "schedule");
        synchronized (this) {
            Map<Integer, YearSchedule> schedules = new TreeMap<>();
            years.forEach((y, year) -> schedules.put(y, year.schedule()));
            schedules.put(schedule.year(), schedule);
            TreeMap<Integer, Year> copy = new TreeMap<>(years);
            // the neighbours too: a schedule may name days of the adjacent December or January
            for (int y = schedule.year() - 1; y <= schedule.year() + 1; y++) {
                YearSchedule s = schedules.get(y);
                if (s != null) {
                    copy.put(y, Year.of(s, schedules));
                }
            }
            years = Collections.unmodifiableSortedMap(copy);
        }
    }

    /** The years whose schedule is loaded. */
    public SortedSet<Integer> years() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
    }

    /** The loaded schedule of a year, if any. */
    public Optional<YearSchedule> schedule(int year) {
        return Optional.ofNullable(years.get(year)).map(Year::schedule);
    }

    /** @throws UnknownScheduleYearException when the date's year has no schedule */
    public boolean isWorkingDay(LocalDate date) {
        return year(years, date.getYear()).workingDays.get(date.getDayOfYear() - 1);
    }

    /**
     * The day on which a period of {@code workingDays} working days ends: the N-th working day after
     * {@code start} (the start day itself is not counted). N = 0 gives {@code start}.
     *
     * @throws IllegalArgumentException    when N is negative
     * @throws UnknownScheduleYearException naming the first year without a schedule the period runs into
     */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        Objects.requireNonNull(start, "start");
        if (workingDays < 0) {
            throw new IllegalArgumentException("工作日数不能为负数：" + workingDays);
        }
        if (workingDays == 0) {
            return start;
        }
        Map<Integer, Year> snapshot = years;
        int remaining = workingDays;
        int yearNumber = start.getYear();
        int from = start.getDayOfYear(); // index of the day after start
        while (true) {
            int length = LocalDate.of(yearNumber, 1, 1).lengthOfYear();
            if (from < length) {
                Year year = year(snapshot, yearNumber);
                int available = from == 0 ? year.count : year.workingDays.get(from, length).cardinality();
                if (remaining <= available) {
                    int index = year.workingDays.nextSetBit(from);
                    for (int i = 1; i < remaining; i++) {
                        index = year.workingDays.nextSetBit(index + 1);
                    }
                    return LocalDate.ofYearDay(yearNumber, index + 1);
                }
                remaining -= available;
            }
            yearNumber++;
            from = 0;
        }
    }

    /**
     * The working days in {@code (startExclusive, endInclusive]}; 0 when end is not after start. So
     * {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}.
     */
    public int workingDaysBetween(LocalDate startExclusive, LocalDate endInclusive) {
        Objects.requireNonNull(startExclusive, "startExclusive");
        Objects.requireNonNull(endInclusive, "endInclusive");
        if (!endInclusive.isAfter(startExclusive)) {
            return 0;
        }
        Map<Integer, Year> snapshot = years;
        int total = 0;
        for (int y = startExclusive.getYear(); y <= endInclusive.getYear(); y++) {
            int length = LocalDate.of(y, 1, 1).lengthOfYear();
            int from = y == startExclusive.getYear() ? startExclusive.getDayOfYear() : 0;
            int to = y == endInclusive.getYear() ? endInclusive.getDayOfYear() : length; // exclusive index
            if (from >= to) {
                continue; // start was the last day of its year: nothing of that year is in the span
            }
            Year year = year(snapshot, y);
            total += from == 0 && to == length ? year.count : year.workingDays.get(from, to).cardinality();
        }
        return total;
    }

    /**
     * The loaded year; else, for the year right after the newest loaded one, a provisional year of Monday to Friday
     * (with the days the newest notice dates in it): the State Council publishes the next year's 节假日安排 late in
     * the year, and a case accepted in December with a 30-working-day limit must get its deadline before that. A
     * provisional deadline can differ by the holidays and 调休 days not yet known; deadlines set with it stay as set,
     * and every computation after the year is loaded uses the published schedule.
     *
     * @throws UnknownScheduleYearException for any other year without a schedule
     */
    private static Year year(Map<Integer, Year> snapshot, int yearNumber) {
        Year year = snapshot.get(yearNumber);
        if (year != null) {
            return year;
        }
        if (snapshot instanceof SortedMap<Integer, Year> sorted && !sorted.isEmpty()
                && sorted.lastKey() == yearNumber - 1) {
            return Year.of(new YearSchedule(yearNumber, java.util.List.of()),
                    Map.of(yearNumber - 1, sorted.get(yearNumber - 1).schedule()));
        }
        throw new UnknownScheduleYearException(yearNumber);
    }

    /** Whether dates of this year are counted provisionally (Monday to Friday): see {@link #year}. */
    public boolean isProvisional(int year) {
        SortedMap<Integer, Year> snapshot = years;
        return !snapshot.containsKey(year) && !snapshot.isEmpty() && snapshot.lastKey() == year - 1;
    }
}
