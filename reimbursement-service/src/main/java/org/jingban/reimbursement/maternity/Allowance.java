package org.jingban.reimbursement.maternity;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jingban.platform.money.Money;

/**
 * 生育津贴: the unit's average monthly wage of the previous year ("按照职工所在用人单位上年度职工月平均工资计发",
 * 社会保险法 第五十六条) ÷ the days of a month × the days of leave, rounded HALF_UP to the fen once, at the end. The days
 * of a month and of leave are regional policy ({@link MaternityProperties}, example defaults).
 */
public final class Allowance {

    private Allowance() {
    }

    /**
     * The days the allowance pays: a birth: 产假 + 难产 + each baby after the first; a miscarriage: by the months of
     * pregnancy (under 4, from 4).
     */
    public static int days(MaternityProperties p, boolean dystocia, int babies, Integer miscarriageMonths) {
        if (miscarriageMonths != null) {
            return miscarriageMonths < 4 ? p.getMiscarriageUnderFourMonthsDays() : p.getMiscarriageFromFourMonthsDays();
        }
        return p.getMaternityLeaveDays() + (dystocia ? p.getDystociaDays() : 0) + Math.max(0, babies - 1) * p.getExtraBabyDays();
    }

    public static Money amount(Money monthlyWage, int daysPerMonth, int days) {
        return Money.of(monthlyWage.yuan().multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(daysPerMonth), 2, RoundingMode.HALF_UP));
    }
}
