package org.jingban.enrollment.contribution;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code jingban.enrollment.contribution.*}: the 统筹区's contribution rules used by the 缴费通知单 items of seed 003
 * (费率 and the 趸缴 years "按各统筹地区相关规定执行"). A region without its own rule uses the defaults; the
 * defaults are placeholders to be set by each office, not policy.
 */
@ConfigurationProperties("jingban.enrollment.contribution")
public record ContributionRates(Rule defaults, List<Rule> regions) {

    /**
     * @param flexibleRate  灵活就业人员 费率 of the 缴费基数
     * @param unitRate      单位 费率
     * @param employeeRate  个人 费率
     * @param requiredMonths 退休时职工医保最低缴费月数 (趸缴 makes up the shortfall)
     */
    public record Rule(String region, BigDecimal flexibleRate, BigDecimal unitRate, BigDecimal employeeRate,
                       Integer requiredMonths) {
    }

    public ContributionRates {
        defaults = defaults == null ? new Rule(null, new BigDecimal("0.08"), new BigDecimal("0.06"),
                new BigDecimal("0.02"), 300) : defaults;
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    public Rule forRegion(String region) {
        return regions.stream().filter(r -> region.equals(r.region())).findFirst()
                .map(r -> new Rule(region, or(r.flexibleRate(), defaults.flexibleRate()), or(r.unitRate(), defaults.unitRate()),
                        or(r.employeeRate(), defaults.employeeRate()),
                        r.requiredMonths() == null ? defaults.requiredMonths() : r.requiredMonths()))
                .orElse(defaults);
    }

    private static BigDecimal or(BigDecimal a, BigDecimal b) {
        return a == null ? b : a;
    }
}
