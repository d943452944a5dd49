package org.jingban.platform.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingban.platform.benefits.Fixtures.EMPLOYEE;
import static org.jingban.platform.benefits.Fixtures.classA;
import static org.jingban.platform.benefits.Fixtures.classB;
import static org.jingban.platform.benefits.Fixtures.claim;
import static org.jingban.platform.benefits.Fixtures.entitled;
import static org.jingban.platform.benefits.Fixtures.rules;
import static org.jingban.platform.benefits.Fixtures.step;
import static org.jingban.platform.benefits.Fixtures.yearToDate;
import static org.jingban.platform.benefits.Fixtures.yuan;

import org.junit.jupiter.api.Test;

/** 普通门（急）诊 and 门诊慢特病: worked examples on the example policies (示例值), every expected number by hand. */
class OutpatientBenefitTest {

    @Test
    void the_yearly_deductible_is_borne_once_over_several_visits() {
        // visit 1: 甲类 150 < yearly deductible 200: all deductible, nothing from the fund
        Claim first = claim(Scheme.EMPLOYEE, InstitutionLevel.PRIMARY, Place.IN_POOL, VisitType.OUTPATIENT, classA("150.00"));
        Benefit one = BenefitCalculator.calculate(first, EMPLOYEE);
        assertThat(one.deductible()).isEqualTo(yuan("150.00"));
        assertThat(one.fund()).isEqualTo(yuan("0.00"));
        assertThat(one.cash()).isEqualTo(yuan("150.00"));
        assertThat(step(one, "起付线").text()).isEqualTo(
                "一级医疗机构普通门（急）诊年度起付线200.00元（普通门诊与门诊慢特病合并累计），本年度此前已负担0.00元，本次由个人负担150.00元");
        assertThat(one.after()).isEqualTo(yearToDate("150.00", "0.00", "0.00", "0.00", "0.00", "0.00", "150.00"));

        // visit 2: 甲类 300, 乙类 100 → 先行自付 10, eligible 390; deductible left 200 − 150 = 50;
        // 390 − 50 = 340 × 50% = 170; cash 400 − 170 = 230
        Claim second = claim(Scheme.EMPLOYEE, InstitutionLevel.PRIMARY, Place.IN_POOL, VisitType.OUTPATIENT,
                classA("300.00"), classB("100.00")).withYearToDate(one.after());
        Benefit two = BenefitCalculator.calculate(second, EMPLOYEE);
        assertThat(two.eligible()).isEqualTo(yuan("390.00"));
        assertThat(two.deductible()).isEqualTo(yuan("50.00"));
        assertThat(two.fund()).isEqualTo(yuan("170.00"));
        assertThat(two.cash()).isEqualTo(yuan("230.00"));
        // deductible 150 + 50 = 200; personal share 150 + (390 − 170 = 220) = 370
        assertThat(two.after()).isEqualTo(yearToDate("200.00", "170.00", "170.00", "0.00", "0.00", "0.00", "370.00"));

        // visit 3: the deductible is met: 甲类 100 × 50% = 50
        Claim third = claim(Scheme.EMPLOYEE, InstitutionLevel.PRIMARY, Place.IN_POOL, VisitType.OUTPATIENT, classA("100.00"))
                .withYearToDate(two.after());
        Benefit three = BenefitCalculator.calculate(third, EMPLOYEE);
        assertThat(three.deductible()).isEqualTo(yuan("0.00"));
        assertThat(three.fund()).isEqualTo(yuan("50.00"));
        assertThat(three.cash()).isEqualTo(yuan("50.00"));
        assertThat(step(three, "起付线").text()).isEqualTo(
                "一级医疗机构普通门（急）诊年度起付线200.00元（普通门诊与门诊慢特病合并累计），本年度此前已负担200.00元，已达到起付线，本次不再负担");
        assertThat(three.after()).isEqualTo(yearToDate("200.00", "220.00", "220.00", "0.00", "0.00", "0.00", "420.00"));
    }

    @Test
    void the_outpatient_pooling_pays_no_more_than_its_annual_limit() {
        // already this year: deductible 200 met, 1800 of the 2000 limit paid
        Claim claim = claim(Scheme.EMPLOYEE, InstitutionLevel.SECONDARY, Place.IN_POOL, VisitType.OUTPATIENT, classA("1000.00"))
                .withYearToDate(yearToDate("200.00", "1800.00", "1800.00", "0.00", "0.00", "0.00", "2000.00"));

        Benefit benefit = BenefitCalculator.calculate(claim, EMPLOYEE);

        // 1000 × 50% = 500, but 2000 − 1800 = 200 left of the limit: fund 200, 300 cut; cash 1000 − 200 = 800
        assertThat(benefit.fund()).isEqualTo(yuan("200.00"));
        assertThat(benefit.cash()).isEqualTo(yuan("800.00"));
        assertThat(step(benefit, "封顶线")).isEqualTo(new Step("封顶线",
                "普通门（急）诊统筹年度支付限额2000.00元，本年度此前已支付1800.00元，超出限额的300.00元统筹基金不予支付", yuan("300.00")));
        assertThat(step(benefit, "统筹基金").text()).isEqualTo("二级医疗机构普通门（急）诊（统筹区内），起付线以上政策范围内费用1000.00元，"
                + "按支付比例50%计算500.00元，受年度支付限额限制，统筹基金支付200.00元");
        assertThat(benefit.after().outpatientFundPaid()).isEqualTo(yuan("2000.00"));

        // the next visit that year: nothing left of the limit
        Benefit next = BenefitCalculator.calculate(claim.withYearToDate(benefit.after()), EMPLOYEE);
        assertThat(next.fund()).isEqualTo(yuan("0.00"));
        assertThat(next.cash()).isEqualTo(yuan("1000.00"));
    }

    @Test
    void a_chronic_visit_pays_the_chronic_ratio_only_with_the_entitlement() {
        Claim notEntitled = claim(Scheme.EMPLOYEE, InstitutionLevel.SECONDARY, Place.IN_POOL, VisitType.CHRONIC_OUTPATIENT,
                classA("3000.00"));

        // entitled: chronic deductible 0, 3000 × 70% = 2100; cash 900
        Benefit chronic = BenefitCalculator.calculate(entitled(notEntitled), EMPLOYEE);
        assertThat(chronic.visit()).isEqualTo(VisitType.CHRONIC_OUTPATIENT);
        assertThat(chronic.deductible()).isEqualTo(yuan("0.00"));
        assertThat(chronic.fund()).isEqualTo(yuan("2100.00"));
        assertThat(chronic.cash()).isEqualTo(yuan("900.00"));
        assertThat(chronic.after()).isEqualTo(yearToDate("0.00", "2100.00", "0.00", "2100.00", "0.00", "0.00", "900.00"));

        // not entitled: as 普通门诊: deductible 200, 3000 − 200 = 2800 × 50% = 1400; cash 3000 − 1400 = 1600
        Benefit ordinary = BenefitCalculator.calculate(notEntitled, EMPLOYEE);
        assertThat(ordinary.visit()).isEqualTo(VisitType.OUTPATIENT);
        assertThat(ordinary.deductible()).isEqualTo(yuan("200.00"));
        assertThat(ordinary.fund()).isEqualTo(yuan("1400.00"));
        assertThat(ordinary.cash()).isEqualTo(yuan("1600.00"));
        assertThat(step(ordinary, "门诊慢特病资格").text()).isEqualTo("未认定门诊慢特病待遇资格，本次按普通门（急）诊计算");
        assertThat(rules(ordinary)).containsExactly("政策范围内费用", "门诊慢特病资格", "起付线", "统筹基金", "大病保险", "个人现金");
        // personal share 3000 − 1400 = 1600
        assertThat(ordinary.after()).isEqualTo(yearToDate("200.00", "1400.00", "1400.00", "0.00", "0.00", "0.00", "1600.00"));
    }

    @Test
    void each_share_is_rounded_half_up_to_the_fen_where_it_is_computed() {
        Claim claim = claim(Scheme.EMPLOYEE, InstitutionLevel.PRIMARY, Place.IN_POOL, VisitType.OUTPATIENT,
                classA("10.05"), classB("123.45"))
                .withYearToDate(yearToDate("200.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"));

        Benefit benefit = BenefitCalculator.calculate(claim, EMPLOYEE);

        // 乙类 123.45 × 10% = 12.345 → 12.35 (HALF_UP); eligible 10.05 + 111.10 = 121.15
        assertThat(benefit.selfPayFirst()).isEqualTo(yuan("12.35"));
        assertThat(benefit.eligible()).isEqualTo(yuan("121.15"));
        // deductible met; 121.15 × 50% = 60.575 → 60.58; cash 133.50 − 60.58 = 72.92
        assertThat(benefit.fund()).isEqualTo(yuan("60.58"));
        assertThat(benefit.cash()).isEqualTo(yuan("72.92"));
    }
}
