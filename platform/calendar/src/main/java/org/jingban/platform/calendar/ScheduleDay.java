package org.jingban.platform.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day the State Council's 节假日安排 names: a holiday off day ({@code offDay = true}) or a 调休
 * make-up working day on a weekend ({@code offDay = false}).
 *
 * @param name the holiday it belongs to, e.g. 国庆节、中秋节
 */
public record ScheduleDay(LocalDate date, String name, boolean offDay) {

    public ScheduleDay {
        Objects.requireNonNull(date, "date");
        name = name == null ? "" : name;
    }
}
