package org.jingban.platform.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import org.jingban.platform.money.Money;
import org.junit.jupiter.api.Test;

/** 医疗救助 alone (622036008002: the 结算单 after 基本医保 and 大病保险), on the EXAMPLE policy: 70 %, 50000 a year. */
class AssistanceAloneTest {

    @Test
    void pays_its_ratio_of_what_is_still_the_persons() {
        // 2000.00 still the person's × 70% = 1400.00
        BenefitCalculator.Assistance a = BenefitCalculator.assistance(Money.parse("2000.00"), YearToDate.ZERO,
                ExamplePolicies.resident());
        assertThat(a.paid()).isEqualTo(Money.parse("1400.00"));
        assertThat(a.breakdown()).extracting(Step::rule).containsExactly("医疗救助");
    }

    @Test
    void stops_at_the_years_cap() {
        // 49500.00 救助 this year already: room 500.00; 2000.00 × 70% = 1400.00 → 500.00, 900.00 over the cap
        YearToDate before = new YearToDate(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
                Money.parse("49500.00"), Money.ZERO);
        BenefitCalculator.Assistance a = BenefitCalculator.assistance(Money.parse("2000.00"), before,
                ExamplePolicies.resident());
        assertThat(a.paid()).isEqualTo(Money.parse("500.00"));
        assertThat(a.breakdown()).extracting(Step::amount).containsExactly(Money.parse("500.00"), Money.parse("900.00"));
    }
}
