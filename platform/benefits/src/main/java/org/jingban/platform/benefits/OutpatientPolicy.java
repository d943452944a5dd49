package org.jingban.platform.benefits;

import org.jingban.platform.money.Money;

/**
 * 门诊 (普通门诊统筹 or 门诊慢特病): a yearly deductible, met once a year (ordinary and chronic outpatient visits count
 * against the one {@link YearToDate#deductiblePaid()}), the fund's ratio above it and an annual limit of its own
 * (门诊统筹年度限额 / 门诊慢特病年度限额) within the basic fund's annual cap.
 *
 * @param deductible  年度起付线, by level (the part not yet borne this year is borne on this visit)
 * @param ratio       统筹基金支付比例 in the pool, by level
 * @param annualLimit 年度支付限额 of this kind of visit
 */
public record OutpatientPolicy(LevelAmounts deductible, LevelRatios ratio, Money annualLimit) {

    public OutpatientPolicy {
        PolicyChecks.required("deductible", deductible);
        PolicyChecks.required("ratio", ratio);
        PolicyChecks.amount("annualLimit", annualLimit);
    }
}
