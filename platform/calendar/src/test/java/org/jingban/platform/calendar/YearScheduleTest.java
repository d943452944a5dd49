package org.jingban.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class YearScheduleTest {

    @Test
    void an_invalid_schedule_is_refused_listing_every_problem() {
        // given a date far outside the year, a day listed both off and make-up, a day without a name
        List<ScheduleDay> days = List.of(
                new ScheduleDay(LocalDate.of(2026, 11, 30), "元旦", true),
                new ScheduleDay(LocalDate.of(2027, 1, 1), "元旦", true),
                new ScheduleDay(LocalDate.of(2027, 1, 1), "元旦", false),
                new ScheduleDay(LocalDate.of(2027, 2, 20), " ", false));

        // then
        assertThatThrownBy(() -> new YearSchedule(2027, days))
                .isInstanceOfSatisfying(InvalidScheduleException.class, e -> assertThat(e.problems()).containsExactly(
                        "2026-11-30不在2027年内（跨年假期的日期只能在前一年12月或后一年1月）",
                        "2027-01-01重复出现（同一天不能既放假又调休上班，也不能列两次）",
                        "2027-02-20缺少节日名称"))
                .hasMessageStartingWith("2027年节假日安排有误：2026-11-30不在2027年内");
    }

    @Test
    void a_holiday_spanning_the_new_year_may_name_the_adjacent_december() {
        // the 2023 notice: 元旦 2022-12-31 to 2023-01-02
        YearSchedule schedule = new YearSchedule(2023, List.of(
                new ScheduleDay(LocalDate.of(2022, 12, 31), "元旦", true),
                new ScheduleDay(LocalDate.of(2023, 1, 2), "元旦", true)));
        assertThat(schedule.days()).hasSize(2);
    }

    @Test
    void holiday_cn_json_round_trips() {
        // given
        String json = """
                {"year": 2027, "papers": [], "days": [
                  {"name": "春节", "date": "2027-02-07", "isOffDay": true},
                  {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                  {"name": "春节", "date": "2027-02-20", "isOffDay": false}]}
                """;

        // when
        YearSchedule schedule = YearSchedule.fromJson(json.getBytes(StandardCharsets.UTF_8));

        // then days are sorted and the JSON reads back to the same schedule
        assertThat(schedule.days()).extracting(ScheduleDay::date).containsExactly(
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 7), LocalDate.of(2027, 2, 20));
        assertThat(schedule.days().get(2).offDay()).isFalse();
        assertThat(YearSchedule.fromJson(schedule.toJson())).isEqualTo(schedule);
    }

    @Test
    void malformed_json_entries_are_all_reported() {
        String json = """
                {"year": 2027, "days": [
                  {"name": "元旦", "date": "2027-02-30", "isOffDay": true},
                  {"name": "春节", "date": "2027-02-07"}]}
                """;
        assertThatThrownBy(() -> YearSchedule.fromJson(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidScheduleException.class, e -> assertThat(e.problems()).containsExactly(
                        "days第1项的日期2027-02-30无效",
                        "days第2项缺少isOffDay（true放假/false调休上班）"));
        assertThatThrownBy(() -> YearSchedule.fromJson("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidScheduleException.class).hasMessageContaining("不是有效的JSON");
    }
}
