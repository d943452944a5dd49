package org.jingban.platform.calendar;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One year's 节假日安排 as published by the State Council (国务院办公厅关于…年部分节假日安排的通知): the
 * holiday off days and the weekend make-up working days (调休). Every day not listed is a working day
 * Monday to Friday and a rest day on Saturday and Sunday.
 *
 * <p>Construction validates and refuses a schedule listing every problem ({@link InvalidScheduleException}):
 * each date inside the year (or in the adjacent December/January for a holiday spanning the new year, as
 * the notices do), no date twice, a name on every day. A "make-up working day" on a weekday is redundant but
 * accepted: the published 2020 data lists Mon 2020-02-03 (the end of the extended Spring Festival) so. The days are kept sorted by date. JSON is the holiday-cn format
 * ({@code {"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}}).
 */
public record YearSchedule(int year, List<ScheduleDay> days) {

    private static final JsonMapper JSON = JsonMapper.shared();

    public YearSchedule {
        List<String> problems = new ArrayList<>();
        if (year < 1900 || year > 9999) {
            problems.add("年份" + year + "不在1900至9999之间");
        }
        if (days == null) {
            problems.add("缺少日期列表");
            days = List.of();
        }
        Set<LocalDate> seen = new HashSet<>();
        int index = 0;
        for (ScheduleDay day : days) {
            index++;
            if (day == null) {
                problems.add("第" + index + "项为空");
                continue;
            }
            LocalDate date = day.date();
            if (!belongsTo(date, year)) {
                problems.add(date + "不在" + year + "年内（跨年假期的日期只能在前一年12月或后一年1月）");
            }
            if (!seen.add(date)) {
                problems.add(date + "重复出现（同一天不能既放假又调休上班，也不能列两次）");
            }
            if (day.name().isBlank()) {
                problems.add(date + "缺少节日名称");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidScheduleException(year + "年节假日安排", problems);
        }
        days = days.stream().sorted(Comparator.comparing(ScheduleDay::date)).toList();
    }

    /** Reads the holiday-cn JSON, reporting every malformed entry at once. */
    public static YearSchedule fromJson(byte[] holidayCnJson) {
        JsonNode root;
        try {
            root = JSON.readTree(holidayCnJson);
        } catch (JacksonException e) {
            throw new InvalidScheduleException("节假日安排", List.of("不是有效的JSON：" + e.getOriginalMessage()));
        }
        List<String> problems = new ArrayList<>();
        JsonNode yearNode = root == null ? null : root.get("year");
        if (yearNode == null || !yearNode.isInt()) {
            problems.add("缺少整数年份year");
        }
        JsonNode daysNode = root == null ? null : root.get("days");
        if (daysNode == null || !daysNode.isArray()) {
            problems.add("缺少日期列表days");
        }
        List<ScheduleDay> days = new ArrayList<>();
        if (daysNode != null && daysNode.isArray()) {
            for (int i = 0; i < daysNode.size(); i++) {
                JsonNode day = daysNode.get(i);
                String where = "days第" + (i + 1) + "项";
                JsonNode date = day.get("date");
                JsonNode offDay = day.get("isOffDay");
                JsonNode name = day.get("name");
                LocalDate parsed = null;
                if (date == null || !date.isString()) {
                    problems.add(where + "缺少日期date");
                } else {
                    try {
                        parsed = LocalDate.parse(date.stringValue());
                    } catch (DateTimeParseException e) {
                        problems.add(where + "的日期" + date.stringValue() + "无效");
                    }
                }
                if (offDay == null || !offDay.isBoolean()) {
                    problems.add(where + "缺少isOffDay（true放假/false调休上班）");
                }
                if (parsed != null && offDay != null && offDay.isBoolean()) {
                    days.add(new ScheduleDay(parsed, name != null && name.isString() ? name.stringValue() : "",
                            offDay.booleanValue()));
                }
            }
        }
        if (!problems.isEmpty()) {
            String subject = yearNode != null && yearNode.isInt() ? yearNode.intValue() + "年节假日安排" : "节假日安排";
            throw new InvalidScheduleException(subject, problems);
        }
        return new YearSchedule(yearNode.intValue(), days);
    }

    /** Writes the holiday-cn JSON (UTF-8), days sorted by date. */
    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("year", year);
        ArrayNode array = root.putArray("days");
        for (ScheduleDay day : days) {
            ObjectNode node = array.addObject();
            node.put("name", day.name());
            node.put("date", day.date().toString());
            node.put("isOffDay", day.offDay());
        }
        return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether a date may appear in the schedule of {@code year}: inside it, or in the December before /
     * January after it, because a notice covers a holiday that spans the new year (the 2023 notice lists
     * 2022-12-31 for 元旦; the 2019 one listed the make-up Saturday 2018-12-29).
     */
    static boolean belongsTo(LocalDate date, int year) {
        return date.getYear() == year
                || (date.getYear() == year - 1 && date.getMonthValue() == 12)
                || (date.getYear() == year + 1 && date.getMonthValue() == 1);
    }
}
