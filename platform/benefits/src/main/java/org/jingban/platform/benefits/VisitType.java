package org.jingban.platform.benefits;

/**
 * 就医类型. Inpatient deductibles are per admission; the outpatient ones are per year (met once a year,
 * see {@link YearToDate#deductiblePaid()}); each outpatient kind has its own annual limit.
 */
public enum VisitType {
    /** 普通门（急）诊, paid by 门诊统筹 up to its annual limit (门诊统筹年度限额). */
    OUTPATIENT("普通门（急）诊"),
    /** 门诊慢特病: paid as such only for a person entitled to it ({@link Claim#chronicEntitled()}). */
    CHRONIC_OUTPATIENT("门诊慢特病"),
    /** 住院: a deductible per admission. */
    INPATIENT("住院");

    private final String label;

    VisitType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
