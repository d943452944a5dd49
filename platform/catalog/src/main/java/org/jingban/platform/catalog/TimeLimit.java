package org.jingban.platform.catalog;

import java.util.Map;

/**
 * 办结时限 of an item in one region.
 *
 * @param workingDays          the promised limit (承诺办结时限) in working days; {@code null} when the source gives no
 *                             number (e.g. 定点协议管理 counted in months, 武威 “工作日办理”); {@code 0} = 即时办结.
 *                             With {@code byGroup} it is the upper bound over the groups.
 * @param byGroup              limits by applicant group or by channel row (e.g. 在职职工→5, 灵活就业人员→0); may be empty
 * @param naturalMonths        a limit in calendar months (national 定点协议管理: 不超过3个月), else {@code null}
 * @param statutoryWorkingDays 法定办结时限 where the local guide prints one beside the promise, else {@code null}
 * @param text                 the limit as printed
 */
public record TimeLimit(Integer workingDays, Map<String, Integer> byGroup, Integer naturalMonths,
                        Integer statutoryWorkingDays, String text) {

    public TimeLimit {
        byGroup = byGroup == null ? Map.of() : Map.copyOf(byGroup);
    }

    /**
     * The limit in working days for an applicant group ({@code null} or an unknown group: the item's limit).
     *
     * @throws IllegalStateException when the catalog gives no number of working days for the item
     */
    public int workingDaysFor(String group) {
        Integer days = lookup(group);
        if (days == null) {
            throw new IllegalStateException("该事项的办结时限不以工作日计：" + text);
        }
        return days;
    }

    /** Whether the group's case is closed at once (即时办结). */
    public boolean instantFor(String group) {
        Integer days = lookup(group);
        return days != null && days == 0;
    }

    /** Whether a number of working days is given (for anyone). */
    public boolean hasWorkingDays() {
        return workingDays != null;
    }

    private Integer lookup(String group) {
        if (group != null && byGroup.containsKey(group)) {
            return byGroup.get(group);
        }
        return workingDays;
    }
}
