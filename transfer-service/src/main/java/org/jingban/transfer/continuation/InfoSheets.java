package org.jingban.transfer.continuation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.enrollment.api.TransferHooks;
import org.jingban.platform.money.Money;
import org.jingban.platform.service.items.IdDocument;
import org.jingban.transfer.Offices;
import org.jingban.transfer.api.TransferEvents;

/**
 * Builds 表10 《参保人员基本医疗保险信息表》 from the released record: one row per period in time order, months per
 * row, pool names and region codes, the funds actually moved, and the periods that overlap the person's periods in
 * the 转入地 pool (重复参保, for the 转入地 to clear).
 */
public final class InfoSheets {

    private InfoSheets() {
    }

    static String shortType(String insuranceType) {
        return switch (insuranceType) {
            case InsuranceTypes.EMPLOYEE_INSURANCE -> "职工医保";
            case InsuranceTypes.RESIDENT_INSURANCE -> "城乡居民医保";
            default -> "其他";
        };
    }

    /** The months of a period not already counted by an earlier row (and counts them). */
    static long newMonths(PersonEvents.Period p, YearMonth now, Set<YearMonth> counted) {
        YearMonth end = p.to() == null || p.to().isBlank() ? now : YearMonth.parse(p.to());
        long fresh = 0;
        for (YearMonth m = YearMonth.parse(p.from()); !m.isAfter(end); m = m.plusMonths(1)) {
            if (counted.add(m)) {
                fresh++;
            }
        }
        return fresh;
    }

    static long months(String from, String to, YearMonth now) {
        YearMonth start = YearMonth.parse(from);
        YearMonth end = to == null || to.isBlank() ? now : YearMonth.parse(to);
        return end.isBefore(start) ? 0 : start.until(end, ChronoUnit.MONTHS) + 1;
    }

    public static Map<String, Object> build(TransferHooks.InsuranceRecord record, TransferEvents.ContactLetter letter,
                                            Offices offices, LocalDate today) {
        YearMonth now = YearMonth.from(today);
        List<PersonEvents.Period> periods = new ArrayList<>(record.periods() == null ? List.of() : record.periods());
        periods.sort((a, b) -> a.from().compareTo(b.from()));
        List<Map<String, Object>> rows = new ArrayList<>();
        // each month is counted once: a 中断 and a 恢复 in one month make two periods that share it (表10's 小计 and the
        // 合计 are months of contribution, not period lengths)
        Set<YearMonth> counted = new HashSet<>();
        int n = 1;
        for (PersonEvents.Period p : periods) {
            long m = newMonths(p, now, counted);
            String region = p.regionCode() == null ? record.regionCode() : p.regionCode();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("序号", n++);
            row.put("时间自", p.from());
            row.put("时间至", p.to() == null ? now.toString() : p.to());
            row.put("基本医疗保险类型", shortType(record.insuranceType()));
            row.put("参保缴费月数小计", m);
            row.put("统筹地区经办机构名称", offices.of(region).name());
            row.put("统筹地区经办机构行政区划代码", region);
            row.put("备注", p.category() == null ? "" : p.category());
            rows.add(row);
        }
        Map<String, Object> sheet = new LinkedHashMap<>();
        sheet.put("表", "表10 参保人员基本医疗保险信息表");
        sheet.put("转移编号", record.transferId());
        sheet.put("参保人员姓名", record.name());
        IdDocument id = new IdDocument(record.idType() == null ? IdDocument.RESIDENT_ID : record.idType(), record.idNumber());
        sheet.put("证件类型及号码", Map.of("证件类型", id.type(), "证件号码", record.idNumber()));
        sheet.put("性别", id.isResidentId() ? id.gender() : "");
        sheet.put("基本医疗保险险种", record.insuranceType());
        sheet.put("参保缴费记录", rows);
        sheet.put("参保缴费月数合计", (long) counted.size());
        Money balance = record.balance() == null || record.balance().isBlank() ? Money.ZERO : Money.parse(record.balance());
        sheet.put("基本医疗保险个人账户实际转出资金", Map.of("大写", balance.capitals(), "小写", balance.toString()));
        sheet.put("重复参保期间", overlaps(periods, letter.receivingPeriods(), now));
        Offices.OfficeInfo out = offices.of(record.regionCode());
        // issued by the 转出地 office's system when the record is released: the office is who issued it
        sheet.put("经办人", out.name());
        sheet.put("联系电话", out.phone() == null ? "" : out.phone());
        sheet.put("转出地医疗保障经办机构", out.name());
        sheet.put("转出地行政区划代码", record.regionCode());
        sheet.put("转入地行政区划代码", letter.toRegionCode());
        sheet.put("日期", today.toString());
        return sheet;
    }

    /** Months covered by both a released period and a period in the receiving pool. */
    static List<Map<String, Object>> overlaps(List<PersonEvents.Period> out, List<PersonEvents.Period> in,
                                              YearMonth now) {
        List<Map<String, Object>> found = new ArrayList<>();
        if (in == null) {
            return found;
        }
        for (PersonEvents.Period a : out) {
            for (PersonEvents.Period b : in) {
                YearMonth from = max(YearMonth.parse(a.from()), YearMonth.parse(b.from()));
                YearMonth to = min(end(a, now), end(b, now));
                if (!to.isBefore(from)) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("重叠自", from.toString());
                    o.put("重叠至", to.toString());
                    o.put("重叠月数", from.until(to, ChronoUnit.MONTHS) + 1);
                    o.put("转出地区划", a.regionCode() == null ? "" : a.regionCode());
                    o.put("转入地区划", b.regionCode() == null ? "" : b.regionCode());
                    found.add(o);
                }
            }
        }
        return found;
    }

    private static YearMonth end(PersonEvents.Period p, YearMonth now) {
        return p.to() == null || p.to().isBlank() ? now : YearMonth.parse(p.to());
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }

    private static YearMonth min(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }

    /** The periods to credit in the 转入地, read back from the sealed sheet (never from unsigned fields). */
    @SuppressWarnings("unchecked")
    public static List<PersonEvents.Period> periods(Map<String, Object> sheet) {
        List<PersonEvents.Period> out = new ArrayList<>();
        for (Object o : (List<Object>) sheet.getOrDefault("参保缴费记录", List.of())) {
            Map<String, Object> row = (Map<String, Object>) o;
            String note = (String) row.get("备注");
            out.add(new PersonEvents.Period((String) row.get("时间自"), (String) row.get("时间至"),
                    (String) row.get("统筹地区经办机构行政区划代码"), null, note == null || note.isBlank() ? null : note, null));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public static String fundsMoved(Map<String, Object> sheet) {
        Map<String, Object> funds = (Map<String, Object>) sheet.getOrDefault("基本医疗保险个人账户实际转出资金", Map.of());
        return (String) funds.get("小写");
    }

    @SuppressWarnings("unchecked")
    public static String idNumber(Map<String, Object> sheet) {
        Map<String, Object> id = (Map<String, Object>) sheet.getOrDefault("证件类型及号码", Map.of());
        return (String) id.get("证件号码");
    }
}
