package org.jingban.platform.benefits;

import java.util.List;

import org.jingban.platform.money.Money;

/**
 * One visit to be paid (一次就医): who pays under which scheme, where and how the person was treated, the bill, and
 * what the person has already had this year. The same record comes from a 手工零星报销 form and from a settlement
 * feed, so both pay the same.
 *
 * @param scheme                 险种
 * @param regionCode             参保地医保区划 (chooses the {@link Policy} through {@link Policies#lookup})
 * @param policyYear             待遇年度 (chooses the {@link Policy}; the year of discharge or of the visit)
 * @param level                  医疗机构级别
 * @param place                  统筹区内, 异地已备案, 异地未备案
 * @param visit                  普通门（急）诊, 门诊慢特病, 住院
 * @param chronicEntitled        the person holds a 门诊慢特病 entitlement (only read for {@link VisitType#CHRONIC_OUTPATIENT})
 * @param assistanceEligible     the person belongs to a 医疗救助 group (特困, 低保, 返贫致贫 …)
 * @param lines                  费用明细, at least one
 * @param yearToDate             本年度累计 before this visit ({@link YearToDate#ZERO} for the first)
 * @param personalAccountBalance 个人账户余额 to be used; {@link Money#ZERO} when there is none or it is not to be used
 */
public record Claim(Scheme scheme, String regionCode, int policyYear, InstitutionLevel level, Place place, VisitType visit,
                    boolean chronicEntitled, boolean assistanceEligible, List<BillLine> lines, YearToDate yearToDate,
                    Money personalAccountBalance) {

    public Claim {
        lines = lines == null ? null : List.copyOf(lines);
    }

    /** The same visit with another year to date (e.g. the second of two visits: {@code first.after()}). */
    public Claim withYearToDate(YearToDate yearToDate) {
        return new Claim(scheme, regionCode, policyYear, level, place, visit, chronicEntitled, assistanceEligible, lines,
                yearToDate, personalAccountBalance);
    }

    /** The same visit with another bill. */
    public Claim withLines(List<BillLine> lines) {
        return new Claim(scheme, regionCode, policyYear, level, place, visit, chronicEntitled, assistanceEligible, lines,
                yearToDate, personalAccountBalance);
    }
}
