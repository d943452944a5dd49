package org.jingban.platform.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingban.platform.benefits.Fixtures.EMPLOYEE;
import static org.jingban.platform.benefits.Fixtures.classA;
import static org.jingban.platform.benefits.Fixtures.classB;
import static org.jingban.platform.benefits.Fixtures.classC;
import static org.jingban.platform.benefits.Fixtures.claim;
import static org.jingban.platform.benefits.Fixtures.step;
import static org.jingban.platform.benefits.Fixtures.withBalance;
import static org.jingban.platform.benefits.Fixtures.yuan;

import org.junit.jupiter.api.Test;

/**
 * 个人账户 (职工): the same admission throughout — 一级 employee, 甲类 5000, 乙类 1000, 丙类 200:
 * total 6200; 先行自付 100; eligible 5900; deductible 300; 5600 × 90% = 5040 fund; personal eligible share 860.
 */
class PersonalAccountTest {

    private static final Claim ADMISSION = claim(Scheme.EMPLOYEE, InstitutionLevel.PRIMARY, Place.IN_POOL, VisitType.INPATIENT,
            classA("5000.00"), classB("1000.00"), classC("200.00"));

    @Test
    void a_small_balance_covers_part_and_the_rest_is_cash() {
        Benefit benefit = BenefitCalculator.calculate(withBalance(ADMISSION, "500.00"), EMPLOYEE);

        assertThat(benefit.fund()).isEqualTo(yuan("5040.00"));
        // payable by the account 860 + 100 先行自付 = 960 > balance 500: account 500
        assertThat(benefit.personalAccount()).isEqualTo(yuan("500.00"));
        // cash 6200 − 5040 − 500 = 660 (200 丙类 + 960 − 500)
        assertThat(benefit.cash()).isEqualTo(yuan("660.00"));
        assertThat(step(benefit, "个人账户").text())
                .isEqualTo("个人账户余额500.00元，全部用于支付政策范围内个人负担860.00元及乙类先行自付100.00元，不足部分由个人现金支付");
    }

    @Test
    void a_large_balance_covers_the_eligible_share_and_the_self_pay_first_but_never_class_c() {
        Benefit benefit = BenefitCalculator.calculate(withBalance(ADMISSION, "2000.00"), EMPLOYEE);

        // account 860 + 100 = 960; cash only the 丙类 200
        assertThat(benefit.personalAccount()).isEqualTo(yuan("960.00"));
        assertThat(benefit.cash()).isEqualTo(yuan("200.00"));
        assertThat(step(benefit, "个人账户").text())
                .isEqualTo("个人账户支付政策范围内个人负担860.00元及乙类先行自付100.00元，共960.00元（余额2000.00元）");
    }

    @Test
    void without_the_policy_flag_the_account_leaves_the_self_pay_first_to_cash() {
        Policy noSelfPayFirst = new Policy(EMPLOYEE.selfPayFirstRatio(), EMPLOYEE.inpatient(), EMPLOYEE.outpatient(),
                EMPLOYEE.chronic(), EMPLOYEE.filedOffsitePoints(), EMPLOYEE.unfiledOffsitePoints(), EMPLOYEE.basicAnnualCap(),
                EMPLOYEE.criticalIllness(), EMPLOYEE.assistance(), false);

        Benefit benefit = BenefitCalculator.calculate(withBalance(ADMISSION, "2000.00"), noSelfPayFirst);

        // account 860 only; cash 200 丙类 + 100 先行自付 = 300
        assertThat(benefit.personalAccount()).isEqualTo(yuan("860.00"));
        assertThat(benefit.cash()).isEqualTo(yuan("300.00"));
    }

    @Test
    void no_balance_no_account_step() {
        Benefit benefit = BenefitCalculator.calculate(ADMISSION, EMPLOYEE);

        // cash 6200 − 5040 = 1160
        assertThat(benefit.personalAccount()).isEqualTo(yuan("0.00"));
        assertThat(benefit.cash()).isEqualTo(yuan("1160.00"));
        assertThat(benefit.breakdown()).noneMatch(s -> s.rule().equals("个人账户"));
    }
}
