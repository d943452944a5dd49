package org.jingban.settlement.monthly;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jingban.platform.money.Money;

/**
 * The detail CSV of a monthly declaration, one bill a line (UTF-8, comma-separated, an optional header line starting
 * with {@code 票据号码}):
 * <pre>票据号码,证件号码,就诊类型,就诊日期,医疗费用总额,基金支付金额</pre>
 * 就诊类型: 普通门诊 / 门诊慢特病 / 住院 / 购药 (or OUTPATIENT, CHRONIC_OUTPATIENT, INPATIENT, RETAIL_DRUGS); 就诊日期
 * {@code yyyy-MM-dd} in the declared month (住院: the discharge day, as direct settlement dates it); amounts in yuan
 * with at most two decimals; 基金支付金额 is 统筹基金 + 大病保险 + 医疗救助 of the bill.
 */
final class DetailsCsv {

    static final String HEADER = "票据号码,证件号码,就诊类型,就诊日期,医疗费用总额,基金支付金额";
    static final int COLUMNS = 6;
    private static final Map<String, String> VISIT_TYPES = Map.of(
            "普通门诊", "OUTPATIENT", "门诊", "OUTPATIENT", "门诊慢特病", "CHRONIC_OUTPATIENT", "住院", "INPATIENT",
            "购药", "RETAIL_DRUGS", "OUTPATIENT", "OUTPATIENT", "CHRONIC_OUTPATIENT", "CHRONIC_OUTPATIENT",
            "INPATIENT", "INPATIENT", "RETAIL_DRUGS", "RETAIL_DRUGS");

    /** One malformed line: its number (1-based, the header included), what is wrong. */
    record Problem(long lineNo, String code, String message) {
    }

    /** A line parsed, or its problems (never both). */
    record Parsed(DeclaredLine line, List<Problem> problems) {
        boolean blank() {
            return line == null && problems.isEmpty();
        }
    }

    private DetailsCsv() {
    }

    static boolean isHeader(long lineNo, String text) {
        return lineNo == 1 && text.strip().startsWith("票据号码");
    }

    /** Parses one line (a blank line is skipped: neither a line nor a problem). */
    static Parsed parse(String caseId, String uploadId, long lineNo, String raw, YearMonth month) {
        String text = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        if (lineNo == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return new Parsed(null, List.of());
        }
        String[] cells = text.split(",", -1);
        if (cells.length != COLUMNS) {
            return new Parsed(null, List.of(new Problem(lineNo, "wrong-columns", "第" + lineNo + "行应有" + COLUMNS
                    + "列（" + HEADER + "），实有" + cells.length + "列")));
        }
        java.util.ArrayList<Problem> problems = new java.util.ArrayList<>();
        String invoice = cells[0].strip();
        String idNumber = cells[1].strip().toUpperCase(Locale.ROOT);
        if (invoice.isEmpty()) {
            problems.add(new Problem(lineNo, "required", "第" + lineNo + "行票据号码为空"));
        }
        if (idNumber.isEmpty()) {
            problems.add(new Problem(lineNo, "required", "第" + lineNo + "行证件号码为空"));
        }
        String visitType = VISIT_TYPES.get(cells[2].strip());
        if (visitType == null) {
            problems.add(new Problem(lineNo, "unknown-visit-type", "第" + lineNo + "行就诊类型“" + cells[2].strip()
                    + "”应为普通门诊、门诊慢特病、住院或购药"));
        }
        LocalDate day = null;
        try {
            day = LocalDate.parse(cells[3].strip());
            if (!YearMonth.from(day).equals(month)) {
                problems.add(new Problem(lineNo, "outside-month", "第" + lineNo + "行就诊日期" + day + "不在申报月份" + month + "内"));
            }
        } catch (DateTimeParseException e) {
            problems.add(new Problem(lineNo, "invalid-date", "第" + lineNo + "行就诊日期“" + cells[3].strip() + "”应为yyyy-MM-dd"));
        }
        Money total = Money.tryParse(cells[4]);
        Money fund = Money.tryParse(cells[5]);
        if (total == null || total.isNegative()) {
            problems.add(new Problem(lineNo, "invalid-amount", "第" + lineNo + "行医疗费用总额“" + cells[4].strip()
                    + "”应为不小于0、最多两位小数的金额"));
        }
        if (fund == null || fund.isNegative()) {
            problems.add(new Problem(lineNo, "invalid-amount", "第" + lineNo + "行基金支付金额“" + cells[5].strip()
                    + "”应为不小于0、最多两位小数的金额"));
        }
        if (total != null && fund != null && fund.compareTo(total) > 0) {
            problems.add(new Problem(lineNo, "fund-above-total", "第" + lineNo + "行基金支付金额大于医疗费用总额"));
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, List.copyOf(problems));
        }
        return new Parsed(new DeclaredLine(DeclaredLine.id(caseId, uploadId, lineNo), caseId, uploadId, lineNo, invoice,
                idNumber, visitType, day, total.fen(), fund.fen()), List.of());
    }
}
