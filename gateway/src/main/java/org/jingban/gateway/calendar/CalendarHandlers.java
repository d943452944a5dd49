package org.jingban.gateway.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SortedSet;
import org.jingban.platform.calendar.InvalidScheduleException;
import org.jingban.platform.calendar.UnknownScheduleYearException;
import org.jingban.platform.calendar.WorkingDayCalendar;
import org.jingban.platform.calendar.YearSchedule;
import org.jingban.platform.calendar.distribution.CalendarSchedulePublisher;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.ProblemTypes;
import org.jingban.platform.web.problem.Violation;
import org.jingban.platform.web.problem.Violations;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** 预计办结日期 for the portal: a promised limit in working days on the official calendar. */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "工作日历", description = "按国务院办公厅节假日安排（含调休上班日）计算工作日")
public class CalendarHandlers {

    /** A limit beyond this is not a promised time limit of any item; refusing it keeps the arithmetic bounded. */
    static final int MAX_WORKING_DAYS = 366;

    private final WorkingDayCalendar calendar;
    private final ObjectProvider<CalendarSchedulePublisher> publisher;

    public CalendarHandlers(WorkingDayCalendar calendar, ObjectProvider<CalendarSchedulePublisher> publisher) {
        this.calendar = calendar;
        this.publisher = publisher;
    }

    @GetMapping("/due-date")
    @Operation(summary = "预计办结日期",
            description = "自 from 起算 workingDays 个工作日后的日期；起算当日不计入（民法典第二百零一条）。尚未公布节假日安排的年份返回 422。")
    public DueDate dueDate(@Parameter(description = "起算日期 YYYY-MM-DD，如受理日期") @RequestParam(required = false) String from,
                           @Parameter(description = "工作日数，0–366") @RequestParam(required = false) String workingDays) {
        Violations violations = new Violations();
        LocalDate start = null;
        Integer days = null;
        if (from == null || from.isBlank()) {
            violations.add(new Violation("from", "required", "缺少起算日期 from（格式 YYYY-MM-DD）"));
        } else {
            try {
                start = LocalDate.parse(from);
            } catch (DateTimeParseException e) {
                violations.add(new Violation("from", "date.format", "起算日期“" + from + "”不是有效日期，格式应为 YYYY-MM-DD"));
            }
        }
        if (workingDays == null || workingDays.isBlank()) {
            violations.add(new Violation("workingDays", "required", "缺少工作日数 workingDays"));
        } else {
            try {
                days = Integer.valueOf(workingDays.trim());
                if (days < 0 || days > MAX_WORKING_DAYS) {
                    violations.add(new Violation("workingDays", "range", "工作日数应在 0 到 " + MAX_WORKING_DAYS + " 之间"));
                }
            } catch (NumberFormatException e) {
                violations.add(new Violation("workingDays", "number", "工作日数“" + workingDays + "”不是整数"));
            }
        }
        violations.throwIfAny();
        try {
            LocalDate due = calendar.addWorkingDays(start, days);
            return new DueDate(start, days, due, calendar.isProvisional(due.getYear()));
        } catch (UnknownScheduleYearException e) {
            throw ProblemException.unprocessable(e.getMessage(),
                    List.of(new Violation("from", "calendar.unknown-year", e.getMessage())));
        }
    }

    @GetMapping("/years")
    @Operation(summary = "已载入节假日安排的年份")
    public Years years() {
        return new Years(calendar.years());
    }

    /**
     * Ops loads a newly published year (国务院办公厅每年11月前后公布次年安排). The schedule goes to the compacted
     * calendar topic, which is its persistence; every service (this gateway included) applies it within a poll
     * interval, without a restart.
     */
    @Access(Role.OPS)
    @PutMapping(path = "/years/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "载入某年节假日安排（运维）",
            description = "请求体为 holiday-cn 格式：{\"year\":2027,\"days\":[{\"name\":\"元旦\",\"date\":\"2027-01-01\",\"isOffDay\":true}]}；"
                    + "isOffDay=false 为调休上班日。所有服务无需重启即按新安排计算工作日。")
    public Mono<YearLoaded> loadYear(
            @io.swagger.v3.oas.annotations.Parameter(description = "年份", example = "2099") @PathVariable int year,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "holiday-cn 格式的该年节假日安排",
                    content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "holiday-cn",
                                    value = "{\"year\":2099,\"days\":[{\"name\":\"元旦\",\"date\":\"2099-01-01\",\"isOffDay\":true}]}")))
            @RequestBody byte[] body) {
        YearSchedule schedule;
        try {
            schedule = YearSchedule.fromJson(body);
        } catch (InvalidScheduleException e) {
            throw ProblemException.validation(e.problems().stream()
                    .map(problem -> new Violation("days", "calendar.schedule", problem)).toList());
        }
        if (schedule.year() != year) {
            throw ProblemException.validation(List.of(new Violation("year", "calendar.year-mismatch",
                    "路径中的年份" + year + "与请求体中的年份" + schedule.year() + "不一致")));
        }
        CalendarSchedulePublisher schedules = publisher.getIfAvailable();
        if (schedules == null) {
            throw new ProblemException(503, ProblemTypes.SERVICE_UNAVAILABLE, "节假日安排分发未启用",
                    "本网关未连接节假日安排分发（jingban.calendar.distribution.enabled=false），无法载入新年份");
        }
        return Mono.fromRunnable(() -> schedules.publish(schedule))
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(new YearLoaded(year, schedule.days().size()));
    }

    public record YearLoaded(int year, int days) {}

    /** {@code provisional}: the due date's year is not yet published and was counted Monday to Friday. */
    public record DueDate(LocalDate from, int workingDays, LocalDate dueDate, boolean provisional) {}

    public record Years(SortedSet<Integer> years) {}
}
