package org.jingban.settlement.direct;

import org.jingban.platform.benefits.Benefit;
import org.jingban.platform.benefits.YearToDate;
import org.jingban.platform.money.Money;

/** A {@link YearToDate} in whole fen, as stored: a year's accumulations, or what one settlement added to them. */
public record Usage(long deductiblePaid, long basicFundPaid, long outpatientFundPaid, long chronicFundPaid,
                    long criticalIllnessPaid, long assistancePaid, long eligiblePersonalShare) {

    public static final Usage ZERO = new Usage(0, 0, 0, 0, 0, 0, 0);

    public static Usage of(YearToDate y) {
        return new Usage(y.deductiblePaid().fen(), y.basicFundPaid().fen(), y.outpatientFundPaid().fen(),
                y.chronicFundPaid().fen(), y.criticalIllnessPaid().fen(), y.assistancePaid().fen(),
                y.eligiblePersonalShare().fen());
    }

    /** What a calculation added to the year: its {@code after} less the year-to-date it started from. */
    public static Usage used(YearToDate before, Benefit benefit) {
        Usage a = of(benefit.after());
        Usage b = of(before);
        return new Usage(a.deductiblePaid - b.deductiblePaid, a.basicFundPaid - b.basicFundPaid,
                a.outpatientFundPaid - b.outpatientFundPaid, a.chronicFundPaid - b.chronicFundPaid,
                a.criticalIllnessPaid - b.criticalIllnessPaid, a.assistancePaid - b.assistancePaid,
                a.eligiblePersonalShare - b.eligiblePersonalShare);
    }

    public YearToDate yearToDate() {
        return new YearToDate(Money.ofFen(deductiblePaid), Money.ofFen(basicFundPaid), Money.ofFen(outpatientFundPaid),
                Money.ofFen(chronicFundPaid), Money.ofFen(criticalIllnessPaid), Money.ofFen(assistancePaid),
                Money.ofFen(eligiblePersonalShare));
    }
}
