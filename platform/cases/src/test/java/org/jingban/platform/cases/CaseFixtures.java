package org.jingban.platform.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jingban.platform.calendar.WorkingDayCalendar;
import org.jingban.platform.catalog.CaseKind;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.RiskLevel;
import org.jingban.platform.catalog.TimeLimit;

/** Small items shaped like the catalog's, and the people of a 武威 (620600) office. */
final class CaseFixtures {

    static final String WUWEI = "620600";
    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.bundled();

    static final Party APPLICANT = Party.person("620602199001011234", "张三");
    static final CaseActor CLERK = CaseActor.staff("clerk-01", "李受理", ActorRole.CLERK, WUWEI);
    static final CaseActor REVIEWER = CaseActor.staff("reviewer-01", "王审核", ActorRole.REVIEWER, WUWEI);
    static final CaseActor FINANCE = CaseActor.staff("finance-01", "赵复核", ActorRole.FINANCE, WUWEI);
    static final CaseActor DIRECTOR = CaseActor.staff("director-01", "钱主任", ActorRole.DIRECTOR, WUWEI);

    private CaseFixtures() {
    }

    /** 622036003002 转移接续手续办理: 申请—受理—审核—办结, 20 个工作日, 较低风险. */
    static ItemDefinition transfer() {
        return item("622036003002", "转移接续手续办理", List.of("申请", "受理", "审核", "办结"),
                new TimeLimit(20, Map.of(), null, 20, "20个工作日"), RiskLevel.LOWER, CaseKind.PROMISED);
    }

    /** 622036002003 个人账户一次性支取: 申请—受理—审核—拨付—办结, 15 个工作日, 较高风险. */
    static ItemDefinition withdrawal() {
        return item("622036002003", "参保人员个人账户一次性支取", List.of("申请", "受理", "审核", "拨付", "办结"),
                new TimeLimit(15, Map.of(), null, null, "15个工作日"), RiskLevel.HIGHER, CaseKind.PROMISED);
    }

    /** 622036001002 职工参保登记: 在职职工 5 个工作日, 灵活就业人员 即时办结, 低风险. */
    static ItemDefinition employeeRegistration() {
        return item("622036001002", "职工参保登记", List.of("申请", "受理", "审核", "办结"),
                new TimeLimit(5, Map.of("在职职工", 5, "灵活就业人员", 0), null, null, "在职职工5个工作日；灵活就业即时办结"),
                RiskLevel.LOW, CaseKind.PROMISED);
    }

    /** 622036010001 定点医疗机构费用结算: 申请—受理—审核—拨付—办结, 30 个工作日, 高风险. */
    static ItemDefinition settlement() {
        return item("622036010001", "定点医疗机构费用结算", List.of("申请", "受理", "审核", "拨付", "办结"),
                new TimeLimit(30, Map.of(), null, 30, "30个工作日"), RiskLevel.HIGH, CaseKind.PROMISED);
    }

    static ItemDefinition item(String code, String name, List<String> steps, TimeLimit limit, RiskLevel risk,
                               CaseKind kind) {
        return new ItemDefinition(code, name, null, null, "test-service", WUWEI, "参保人员", null, List.of(), kind,
                steps, limit, List.of(), risk, List.of(), List.of(), List.of(), List.of(), null, null, List.of("gansu"));
    }

    /** 09:30 in China on that day. */
    static Instant on(LocalDate day) {
        return day.atTime(LocalTime.of(9, 30)).atZone(Case.ZONE).toInstant();
    }

    static Instant on(int year, int month, int day) {
        return on(LocalDate.of(year, month, day));
    }

    static SubmitCase application(ItemDefinition item, MaterialStatus... materials) {
        return SubmitCase.of(item.code(), WUWEI, Channel.PORTAL, APPLICANT, Map.of("姓名", "张三"), List.of(materials));
    }

    static Case submitted(ItemDefinition item, Instant at) {
        return Case.submit(UUID.randomUUID().toString(), "620600-20251103-000001", item,
                application(item, MaterialStatus.provided("医保电子凭证或有效身份证件或社保卡")), at);
    }

    static Case accepted(ItemDefinition item, Instant at) {
        Case c = submitted(item, at);
        c.accept(CLERK, at, CALENDAR).events();
        return c;
    }

    static List<String> outboxTypes(Case c) {
        return c.getOutbox().stream().map(e -> e.type()).toList();
    }
}
