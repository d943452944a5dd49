package org.jingban.settlement.monthly;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.money.Money;
import org.jingban.platform.service.items.BankAccount;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.platform.web.problem.Violations;

/**
 * 结算申报 of one month (622036010001 定点医疗机构 / 622036010002 定点零售药店): the catalog's 受理信息必填项 under their
 * catalog names — the details (医疗保障基金结算清单数据或就医人员明细信息; for a pharmacy 医药费用明细即时上传信息: taken
 * from the institution's direct-settlement records, or uploaded) and the 医药费用月度汇总电子对账表 — plus the month and
 * the account the settlement is paid to (Wuwei's 月结算申报表, Songpan's 结算申报表 / 异地就医联网结算费用拨付申请表).
 */
public record DeclarationForm(
        @JsonProperty("结算月份") String month,
        @JsonProperty(MEDICAL_DETAILS) String medicalDetails,
        @JsonProperty(PHARMACY_DETAILS) String pharmacyDetails,
        @JsonProperty(SUMMARY) Summary summary,
        @JsonProperty("收款账户") BankAccount account,
        @JsonProperty("申请材料") List<String> materials,
        @JsonProperty("渠道") String channel) implements ItemForm {

    public static final String MEDICAL_DETAILS = "医疗保障基金结算清单数据或就医人员明细信息";
    public static final String PHARMACY_DETAILS = "医药费用明细即时上传信息";
    public static final String SUMMARY = "医药费用月度汇总电子对账表";
    /** The details are the institution's direct-settlement records of the month. */
    public static final String FROM_RECORDS = "直接结算记录";
    /** The details come as a CSV upload ({@code POST …/{caseNumber}/details}). */
    public static final String UPLOADED = "上传明细";

    /** 医药费用月度汇总电子对账表: 结算笔数, 医疗费用总额, 基金支付总额 (amounts as yuan strings). */
    public record Summary(@JsonProperty("结算笔数") Long count, @JsonProperty("医疗费用总额") String total,
                          @JsonProperty("基金支付总额") String fund) {
    }

    @JsonIgnore
    public String detailsSource() {
        return medicalDetails != null && !medicalDetails.isBlank() ? medicalDetails.strip()
                : pharmacyDetails == null ? null : pharmacyDetails.strip();
    }

    @JsonIgnore
    public boolean fromRecords() {
        return FROM_RECORDS.equals(detailsSource());
    }

    @JsonIgnore
    public YearMonth period() {
        return YearMonth.parse(month.strip());
    }

    @Override
    public Violations validate(ItemDefinition item) {
        Map<String, Object> byCatalogName = new LinkedHashMap<>();
        byCatalogName.put(MEDICAL_DETAILS, detailsSource());
        byCatalogName.put(PHARMACY_DETAILS, detailsSource());
        byCatalogName.put(SUMMARY, summary);
        Violations v = new Violations().requireAll(byCatalogName, item.requiredFields());
        v.require("结算月份", month);
        if (month != null && !month.isBlank()) {
            try {
                YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                v.add("结算月份", "invalid-month", "结算月份应为yyyy-MM，如2026-10");
            }
        }
        String source = detailsSource();
        if (source != null) {
            v.check(FROM_RECORDS.equals(source) || UPLOADED.equals(source), item.code().endsWith("2") ? PHARMACY_DETAILS
                    : MEDICAL_DETAILS, "unknown-option", "明细信息应为“" + FROM_RECORDS + "”或“" + UPLOADED + "”");
        }
        if (summary != null) {
            v.require(SUMMARY + ".结算笔数", summary.count()).require(SUMMARY + ".医疗费用总额", summary.total())
                    .require(SUMMARY + ".基金支付总额", summary.fund());
            if (summary.count() != null) {
                v.check(summary.count() >= 0, SUMMARY + ".结算笔数", "invalid-count", "结算笔数不能为负数");
            }
            amount(v, SUMMARY + ".医疗费用总额", summary.total());
            amount(v, SUMMARY + ".基金支付总额", summary.fund());
        }
        v.require("收款账户", account);
        if (account != null) {
            account.validate(v, "收款账户");
        }
        return v;
    }

    private static void amount(Violations v, String field, String value) {
        if (value != null && !value.isBlank()) {
            Money m = Money.tryParse(value);
            v.check(m != null && !m.isNegative(), field, "invalid-amount", "金额应为不小于0、最多两位小数的数字（元）");
        }
    }

    @Override
    public List<String> materials() {
        return materials == null ? List.of() : materials;
    }

    @Override
    public String channel() {
        return channel;
    }
}
