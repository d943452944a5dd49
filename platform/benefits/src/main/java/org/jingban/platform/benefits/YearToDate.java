package org.jingban.platform.benefits;

import org.jingban.platform.money.Money;

/**
 * What a person has already had this policy year (本年度累计), needed because deductibles and limits are yearly.
 * A service keeps it per person and year and passes it with each claim; {@link Benefit#after()} is the value after
 * the claim, equal to {@code yearToDate.plus(benefit)}.
 *
 * @param deductiblePaid        起付线 borne this year towards the <em>yearly</em> outpatient deductibles (普通门诊 and
 *                              门诊慢特病 share this one count); inpatient deductibles are per admission and not counted
 * @param basicFundPaid         统筹基金 paid this year, all visit types (against {@link Policy#basicAnnualCap()})
 * @param outpatientFundPaid    统筹基金 paid this year for 普通门（急）诊 (门诊统筹年度限额)
 * @param chronicFundPaid       统筹基金 paid this year for 门诊慢特病 (its annual limit)
 * @param criticalIllnessPaid   大病保险 paid this year (its annual cap)
 * @param assistancePaid        医疗救助 paid this year (its annual cap)
 * @param eligiblePersonalShare 政策范围内个人负担累计: this year's eligible costs the basic fund did not pay
 *                              (deductibles, the share above the fund's ratio, the part above the basic cap), the
 *                              amount 大病保险's yearly deductible and bands are counted on
 */
public record YearToDate(Money deductiblePaid, Money basicFundPaid, Money outpatientFundPaid, Money chronicFundPaid,
                         Money criticalIllnessPaid, Money assistancePaid, Money eligiblePersonalShare) {

    public static final YearToDate ZERO =
            new YearToDate(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);

    /** A missing {@code eligiblePersonalShare} (a record stored before it existed) is zero. */
    public YearToDate {
        if (eligiblePersonalShare == null) {
            eligiblePersonalShare = Money.ZERO;
        }
    }

    /**
     * The six counts without {@code eligiblePersonalShare}, taken as zero: 大病保险 then counts this year's
     * personal share from this claim on only. A service that pays 大病保险 should keep and pass all seven.
     */
    public YearToDate(Money deductiblePaid, Money basicFundPaid, Money outpatientFundPaid, Money chronicFundPaid,
                      Money criticalIllnessPaid, Money assistancePaid) {
        this(deductiblePaid, basicFundPaid, outpatientFundPaid, chronicFundPaid, criticalIllnessPaid, assistancePaid,
                Money.ZERO);
    }

    /** This year to date with the payments of {@code benefit} added (the benefit's visit type says which counts grow). */
    public YearToDate plus(Benefit benefit) {
        return plus(benefit.visit(), benefit.deductible(), benefit.fund(), benefit.criticalIllness(), benefit.assistance(),
                benefit.eligible().minus(benefit.fund()));
    }

    /** The counts after one visit: the deductible counts only when it is a yearly (outpatient) one. */
    YearToDate plus(VisitType visit, Money deductible, Money fund, Money criticalIllness, Money assistance,
                    Money personalShare) {
        return new YearToDate(
                visit == VisitType.INPATIENT ? deductiblePaid : deductiblePaid.plus(deductible),
                basicFundPaid.plus(fund),
                visit == VisitType.OUTPATIENT ? outpatientFundPaid.plus(fund) : outpatientFundPaid,
                visit == VisitType.CHRONIC_OUTPATIENT ? chronicFundPaid.plus(fund) : chronicFundPaid,
                criticalIllnessPaid.plus(criticalIllness),
                assistancePaid.plus(assistance),
                eligiblePersonalShare.plus(personalShare));
    }
}
