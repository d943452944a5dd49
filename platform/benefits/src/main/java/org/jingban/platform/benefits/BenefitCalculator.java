package org.jingban.platform.benefits;

import java.util.List;
import java.util.Objects;

import org.jingban.platform.money.Money;

/**
 * 待遇计算: the one calculator behind 手工零星报销 (reimbursement-service) and 直接结算 (settlement-service), so that a
 * manual reimbursement pays exactly what direct settlement would have paid for the same bill. Pure and
 * deterministic: the same claim and policy always give the same {@link Benefit}.
 *
 * <p>The rules, in the order applied (every number from the {@link Policy}):
 * <ol>
 *   <li><b>目录</b>: 丙类 and 自费 are excluded (the person pays them); of 乙类 the person first pays
 *       {@code selfPayFirstRatio} (乙类先行自付); 甲类 and the rest of 乙类 are 政策范围内费用 ({@code eligible}).</li>
 *   <li><b>起付线</b>: 住院 per admission by level; 普通门诊 and 门诊慢特病 per year, less what
 *       {@link YearToDate#deductiblePaid()} says was borne already. The deductible is the person's.</li>
 *   <li><b>统筹基金</b>: {@code ratio} (by visit type and level, plus the place's percentage points) of the eligible
 *       costs above the deductible, within what is left this year of the basic annual cap and, for outpatient
 *       visits, of the visit type's annual limit. 门诊慢特病 without entitlement is paid as 普通门诊.</li>
 *   <li><b>大病保险</b>: on the person's eligible share of this visit, {@code eligible − fund} (the deductible, the
 *       share above the fund's ratio, the part above the basic cap), counted over the year from
 *       {@link YearToDate#eligiblePersonalShare()}: each band's ratio on the part of the count inside the band above
 *       the yearly 大病起付线, within the annual cap.</li>
 *   <li><b>医疗救助</b> (only for {@link Claim#assistanceEligible()}): its ratio of what is still the person's,
 *       {@code eligible − fund − criticalIllness}, within its annual cap.</li>
 *   <li><b>个人账户</b> (职工 with a balance): the eligible costs the funds left to the person (and, when
 *       {@link Policy#accountPaysSelfPayFirst()}, the 乙类先行自付), up to the balance; never 丙类 or 自费.</li>
 *   <li><b>个人现金</b>: the rest, {@code total − fund − criticalIllness − assistance − personalAccount}.</li>
 * </ol>
 *
 * <p><b>Rounding</b>: each rule's product (乙类先行自付, the fund's share, each 大病 band, 医疗救助) is rounded HALF_UP
 * to the fen when computed, and every later rule works on rounded amounts; caps and the account only compare
 * and subtract. Cash is the remainder, so {@code total = fund + criticalIllness + assistance + personalAccount + cash}
 * holds exactly, and no rule can pay more than the amount it applies to.
 */
public final class BenefitCalculator {

    private BenefitCalculator() {
    }

    /**
     * What one visit pays, with its breakdown and the year to date after it.
     *
     * @throws IllegalArgumentException listing every problem of the claim ({@link #problems})
     */
    /**
     * 医疗救助 alone, for a bill the basic fund and 大病保险 have paid already (医疗救助对象手工报销, 622036008002): the
     * policy's ratio of {@code stillPersonal} — the policy-range costs still the person's after both, as the 结算单
     * states them — within what the year's cap leaves after {@code before}. The same rule as in {@link #calculate}.
     */
    public static Assistance assistance(Money stillPersonal, YearToDate before, Policy policy) {
        if (stillPersonal == null || stillPersonal.isNegative()) {
            throw new IllegalArgumentException("个人负担的政策范围内费用不能为负数");
        }
        List<Step> steps = new java.util.ArrayList<>();
        Money paid = Calculation.assistance(stillPersonal, before, policy, steps);
        return new Assistance(paid, List.copyOf(steps));
    }

    /** 医疗救助 paid and the lines that explain it. */
    public record Assistance(Money paid, List<Step> breakdown) {
    }

    public static Benefit calculate(Claim claim, Policy policy) {
        Objects.requireNonNull(policy, "policy");
        List<String> problems = problems(claim);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("待遇计算的输入有误：" + String.join("；", problems));
        }
        return new Calculation(claim, policy).run();
    }

    /**
     * Every problem that stops a claim from being calculated, in Chinese, for a form's validation: missing values,
     * no bill lines, negative amounts, a line whose amount is not its quantity × unit price rounded to the fen, a
     * personal account balance for a resident. Empty when the claim can be calculated.
     */
    public static List<String> problems(Claim claim) {
        return List.copyOf(ClaimValidation.problems(claim));
    }
}
