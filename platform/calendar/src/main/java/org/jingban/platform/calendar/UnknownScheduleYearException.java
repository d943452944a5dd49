package org.jingban.platform.calendar;

/** A working-day calculation needed a year whose 节假日安排 is not loaded (not yet published). */
public class UnknownScheduleYearException extends RuntimeException {

    private final int year;

    public UnknownScheduleYearException(int year) {
        super("尚未公布" + year + "年节假日安排，无法按工作日计算");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
