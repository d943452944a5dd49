package org.jingban.platform.benefits;

/**
 * 住院: the deductible is borne once per admission; the fund pays {@code ratio} of the eligible costs above it.
 * There is no inpatient limit of its own: the basic fund's annual cap ({@link Policy#basicAnnualCap()}) bounds it.
 *
 * @param deductible 住院起付线 per admission, by level
 * @param ratio      统筹基金支付比例 in the pool, by level
 */
public record InpatientPolicy(LevelAmounts deductible, LevelRatios ratio) {

    public InpatientPolicy {
        PolicyChecks.required("inpatient.deductible", deductible);
        PolicyChecks.required("inpatient.ratio", ratio);
    }
}
