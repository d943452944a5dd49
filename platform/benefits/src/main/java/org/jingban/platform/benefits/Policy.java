package org.jingban.platform.benefits;

import java.math.BigDecimal;

import org.jingban.platform.money.Money;

/**
 * Every value the benefit rules need for one scheme, region and year (待遇政策参数). The seeds leave them to
 * 统筹地区相关政策, so they are configuration: a service binds them by constructor from
 * {@code jingban.benefits.default.employee.*} or {@code jingban.benefits.regions.<区划>.<year>.<scheme>.*}
 * (see the module README); {@link ExamplePolicies} has example values only. Construction checks every value
 * (ratios between 0 and 1, no negative amount), so a wrong configuration stops the service at start-up.
 *
 * @param selfPayFirstRatio       乙类先行自付比例: the share of 乙类 costs the person pays before the fund's rules apply
 * @param inpatient               住院: deductible per admission and ratio, by level
 * @param outpatient              普通门（急）诊 (门诊统筹): yearly deductible, ratio by level, annual limit
 * @param chronic                 门诊慢特病: yearly deductible, ratio by level, annual limit
 * @param filedOffsitePoints      percentage points added to the ratio for 异地已备案 visits (0: the same as in the
 *                                pool; −5 lowers 80% to 75%); absent means 0
 * @param unfiledOffsitePoints    percentage points added to the ratio for 异地未备案 visits (e.g. −20); absent means 0
 * @param basicAnnualCap          基本医疗保险统筹基金年度最高支付限额 (封顶线), all visit types together
 * @param criticalIllness         大病保险: yearly deductible, bands, annual cap
 * @param assistance              医疗救助: ratio, annual cap
 * @param accountPaysSelfPayFirst 个人账户 may also pay the 乙类先行自付 part (it always may pay the eligible costs the
 *                                funds leave to the person; never 丙类 or 自费)
 */
public record Policy(BigDecimal selfPayFirstRatio, InpatientPolicy inpatient, OutpatientPolicy outpatient,
                     OutpatientPolicy chronic, BigDecimal filedOffsitePoints, BigDecimal unfiledOffsitePoints,
                     Money basicAnnualCap, CriticalIllnessPolicy criticalIllness, AssistancePolicy assistance,
                     boolean accountPaysSelfPayFirst) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Policy {
        PolicyChecks.ratio("selfPayFirstRatio", selfPayFirstRatio);
        PolicyChecks.required("inpatient", inpatient);
        PolicyChecks.required("outpatient", outpatient);
        PolicyChecks.required("chronic", chronic);
        filedOffsitePoints = points("filedOffsitePoints", filedOffsitePoints);
        unfiledOffsitePoints = points("unfiledOffsitePoints", unfiledOffsitePoints);
        PolicyChecks.amount("basicAnnualCap", basicAnnualCap);
        PolicyChecks.required("criticalIllness", criticalIllness);
        PolicyChecks.required("assistance", assistance);
    }

    private static BigDecimal points(String name, BigDecimal points) {
        if (points == null) {
            return BigDecimal.ZERO;
        }
        if (points.abs().compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("待遇政策参数" + name + "应为-100到100之间的百分点：" + points);
        }
        return points;
    }

    /** The fund's ratio in the pool for a visit type and level, before any off-site adjustment. */
    public BigDecimal poolRatio(VisitType visit, InstitutionLevel level) {
        return switch (visit) {
            case INPATIENT -> inpatient.ratio().of(level);
            case OUTPATIENT -> outpatient.ratio().of(level);
            case CHRONIC_OUTPATIENT -> chronic.ratio().of(level);
        };
    }

    /** The percentage points added to the ratio at a place (0 in the pool). */
    public BigDecimal points(Place place) {
        return switch (place) {
            case IN_POOL -> BigDecimal.ZERO;
            case FILED_OFFSITE -> filedOffsitePoints;
            case UNFILED_OFFSITE -> unfiledOffsitePoints;
        };
    }

    /** The fund's ratio for a visit: the pool ratio plus the place's points, kept between 0 and 1. */
    public BigDecimal ratio(VisitType visit, InstitutionLevel level, Place place) {
        BigDecimal ratio = poolRatio(visit, level).add(points(place).movePointLeft(2));
        return ratio.max(BigDecimal.ZERO).min(BigDecimal.ONE);
    }
}
