package org.jingban.platform.benefits;

import java.math.BigDecimal;

import org.jingban.platform.money.Money;

/**
 * 医疗救助, paid after the basic fund and 大病保险 for a person of an assistance group: {@code ratio} of the eligible
 * costs still borne by the person, up to an annual cap.
 *
 * @param ratio     救助比例
 * @param annualCap 年度救助限额
 */
public record AssistancePolicy(BigDecimal ratio, Money annualCap) {

    public AssistancePolicy {
        PolicyChecks.ratio("assistance.ratio", ratio);
        PolicyChecks.amount("assistance.annualCap", annualCap);
    }
}
