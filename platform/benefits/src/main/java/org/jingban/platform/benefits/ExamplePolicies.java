package org.jingban.platform.benefits;

import java.math.BigDecimal;
import java.util.List;

import org.jingban.platform.money.Money;

/**
 * 示例值 — EXAMPLE policies, round plausible numbers for development, tests and a region that has not configured
 * its own yet. They are <strong>not the policy of any region</strong>: the seeds leave every one of these values to
 * 统筹地区相关政策, and each region configures its own ({@code jingban.benefits.regions.<区划>.<year>.<scheme>.*}).
 *
 * <table>
 *   <caption>示例值</caption>
 *   <tr><th></th><th>职工 employee</th><th>居民 resident</th></tr>
 *   <tr><td>乙类先行自付比例</td><td>10%</td><td>10%</td></tr>
 *   <tr><td>住院起付线 一级/二级/三级 (per admission)</td><td>300 / 600 / 1000</td><td>200 / 500 / 800</td></tr>
 *   <tr><td>住院统筹基金比例 一级/二级/三级</td><td>90% / 85% / 80%</td><td>85% / 75% / 65%</td></tr>
 *   <tr><td>普通门诊: 年度起付线, 比例, 年度限额</td><td>200, 50%, 2000</td><td>100, 50%, 800</td></tr>
 *   <tr><td>门诊慢特病: 年度起付线, 比例, 年度限额</td><td>0, 70%, 5000</td><td>0, 60%, 4000</td></tr>
 *   <tr><td>异地已备案 / 异地未备案 (percentage points)</td><td>0 / −20</td><td>0 / −20</td></tr>
 *   <tr><td>统筹基金年度最高支付限额</td><td>300000</td><td>150000</td></tr>
 *   <tr><td>大病保险: 起付线; 15000–50000, 50000–100000, above; 年度限额</td>
 *       <td colspan="2">15000; 60%, 70%, 80%; 400000</td></tr>
 *   <tr><td>医疗救助: 比例, 年度限额</td><td colspan="2">70%, 50000</td></tr>
 *   <tr><td>个人账户 may pay 乙类先行自付</td><td>yes</td><td>– (no account)</td></tr>
 * </table>
 */
public final class ExamplePolicies {

    private ExamplePolicies() {
    }

    /** 职工基本医疗保险, 示例值. */
    public static Policy employee() {
        return new Policy(
                ratio("0.10"),
                new InpatientPolicy(amounts("300", "600", "1000"), ratios("0.90", "0.85", "0.80")),
                new OutpatientPolicy(LevelAmounts.flat(yuan("200")), LevelRatios.flat(ratio("0.50")), yuan("2000")),
                new OutpatientPolicy(LevelAmounts.flat(Money.ZERO), LevelRatios.flat(ratio("0.70")), yuan("5000")),
                BigDecimal.ZERO,
                new BigDecimal("-20"),
                yuan("300000"),
                criticalIllness(),
                assistance(),
                true);
    }

    /** 城乡居民基本医疗保险, 示例值. */
    public static Policy resident() {
        return new Policy(
                ratio("0.10"),
                new InpatientPolicy(amounts("200", "500", "800"), ratios("0.85", "0.75", "0.65")),
                new OutpatientPolicy(LevelAmounts.flat(yuan("100")), LevelRatios.flat(ratio("0.50")), yuan("800")),
                new OutpatientPolicy(LevelAmounts.flat(Money.ZERO), LevelRatios.flat(ratio("0.60")), yuan("4000")),
                BigDecimal.ZERO,
                new BigDecimal("-20"),
                yuan("150000"),
                criticalIllness(),
                assistance(),
                false);
    }

    /** Both schemes' 示例值 as the default, no regional override. */
    public static Policies defaults() {
        return Policies.of(new SchemePolicies(employee(), resident()));
    }

    private static CriticalIllnessPolicy criticalIllness() {
        return new CriticalIllnessPolicy(yuan("15000"), List.of(
                new CriticalIllnessPolicy.Band(yuan("50000"), ratio("0.60")),
                new CriticalIllnessPolicy.Band(yuan("100000"), ratio("0.70")),
                new CriticalIllnessPolicy.Band(null, ratio("0.80"))),
                yuan("400000"));
    }

    private static AssistancePolicy assistance() {
        return new AssistancePolicy(ratio("0.70"), yuan("50000"));
    }

    private static LevelAmounts amounts(String primary, String secondary, String tertiary) {
        return new LevelAmounts(yuan(primary), yuan(secondary), yuan(tertiary));
    }

    private static LevelRatios ratios(String primary, String secondary, String tertiary) {
        return new LevelRatios(ratio(primary), ratio(secondary), ratio(tertiary));
    }

    private static Money yuan(String yuan) {
        return Money.parse(yuan);
    }

    private static BigDecimal ratio(String ratio) {
        return new BigDecimal(ratio);
    }
}
