package org.jingban.enrollment.person;

import java.time.YearMonth;

/**
 * 参保缴费期间: months from {@code from} to {@code to} inclusive (yyyy-MM; {@code to} null while it runs), in one
 * 统筹区, for one unit (none for 灵活就业人员 and 城乡居民). {@code source} is 本地 or 转入 (credited by a transfer).
 */
public record Period(String from, String to, String regionCode, String unitId, String category, String source) {

    public static final String LOCAL = "本地";
    public static final String TRANSFERRED_IN = "转入";

    /** Months covered up to {@code now} for an open period. */
    public long months(YearMonth now) {
        YearMonth start = YearMonth.parse(from);
        YearMonth end = to == null ? now : YearMonth.parse(to);
        return end.isBefore(start) ? 0 : start.until(end, java.time.temporal.ChronoUnit.MONTHS) + 1;
    }

    public boolean open() {
        return to == null;
    }

    Period closedAt(YearMonth last) {
        YearMonth start = YearMonth.parse(from);
        // a period closed in the month it started still counts that month
        return new Period(from, (last.isBefore(start) ? start : last).toString(), regionCode, unitId, category, source);
    }
}
