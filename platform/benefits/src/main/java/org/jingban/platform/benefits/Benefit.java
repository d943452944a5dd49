package org.jingban.platform.benefits;

import java.util.List;

import org.jingban.platform.money.Money;

/**
 * What one visit pays (待遇结算结果), to the fen. Always
 * {@code total = excluded + selfPayFirst + eligible} and
 * {@code total = fund + criticalIllness + assistance + personalAccount + cash}; no amount is negative.
 *
 * @param total           医疗费用总额
 * @param excluded        丙类及自费: outside the policy scope, paid by the person
 * @param selfPayFirst    乙类先行自付
 * @param eligible        政策范围内费用: 甲类 plus 乙类 after 先行自付, the part the fund's rules apply to
 * @param deductible      本次起付线: the part of {@code eligible} borne by the person as deductible on this visit
 * @param fund            基本医疗保险统筹基金支付
 * @param criticalIllness 大病保险支付
 * @param assistance      医疗救助支付
 * @param personalAccount 个人账户支付
 * @param cash            个人现金支付
 * @param breakdown       计算过程, one {@link Step} per rule that applied, in the order applied
 * @param after           本年度累计 after this visit ({@code claim.yearToDate().plus(this)})
 * @param visit           the visit type the fund's rules were applied as: a 门诊慢特病 visit without entitlement
 *                        is paid as {@link VisitType#OUTPATIENT}
 */
public record Benefit(Money total, Money excluded, Money selfPayFirst, Money eligible, Money deductible, Money fund,
                      Money criticalIllness, Money assistance, Money personalAccount, Money cash, List<Step> breakdown,
                      YearToDate after, VisitType visit) {

    public Benefit {
        breakdown = List.copyOf(breakdown);
    }

    /** 医保支付: what the three funds pay together (统筹基金 + 大病保险 + 医疗救助). */
    public Money reimbursed() {
        return fund.plus(criticalIllness).plus(assistance);
    }
}
