package org.jingban.enrollment.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

class ContributionMonthsTest {

    @Test
    void months_of_periods_are_counted_once_each_and_an_open_period_runs_to_this_month() {
        Insurance insurance = new Insurance("职工基本医疗保险", "620600");
        insurance.addPeriod(new Period("2020-01", "2020-12", "513224", null, "在职职工", Period.TRANSFERRED_IN)); // 12
        insurance.addPeriod(new Period("2020-12", "2021-03", "620600", "u1", "在职职工", Period.LOCAL));         // +3 (2020-12 already counted)
        insurance.addPeriod(new Period("2026-10", null, "620600", "u2", "在职职工", Period.LOCAL));               // 2026-10..2026-11 = 2
        assertThat(insurance.contributionMonths(YearMonth.of(2026, 11))).isEqualTo(12 + 3 + 2);
    }
}
