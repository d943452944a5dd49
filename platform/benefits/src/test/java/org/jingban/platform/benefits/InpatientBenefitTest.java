package org.jingban.platform.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingban.platform.benefits.Fixtures.EMPLOYEE;
import static org.jingban.platform.benefits.Fixtures.RESIDENT;
import static org.jingban.platform.benefits.Fixtures.classA;
import static org.jingban.platform.benefits.Fixtures.classB;
import static org.jingban.platform.benefits.Fixtures.classC;
import static org.jingban.platform.benefits.Fixtures.claim;
import static org.jingban.platform.benefits.Fixtures.line;
import static org.jingban.platform.benefits.Fixtures.selfPay;
import static org.jingban.platform.benefits.Fixtures.step;
import static org.jingban.platform.benefits.Fixtures.yearToDate;
import static org.jingban.platform.benefits.Fixtures.yuan;

import org.junit.jupiter.api.Test;

/** 住院: worked examples on the example policies (示例值), every expected number by hand. */
class InpatientBenefitTest {

    @Test
    void an_employee_in_a_tertiary_hospital_in_the_pool_pays_the_deductible_and_a_fifth_of_the_rest() {
        Claim claim = claim(Scheme.EMPLOYEE, InstitutionLevel.TERTIARY, Place.IN_POOL, VisitType.INPATIENT,
                classA("8000.00"), classB("2000.00"), classC("500.00"));

        Benefit benefit = BenefitCalculator.calculate(claim, EMPLOYEE);

        // total 8000 + 2000 + 500 = 10500; 丙类 500 excluded
        assertThat(benefit.total()).isEqualTo(yuan("10500.00"));
        assertThat(benefit.excluded()).isEqualTo(yuan("500.00"));
        // 乙类 2000 × 10% = 200 先行自付; eligible 8000 + 1800 = 9800
        assertThat(benefit.selfPayFirst()).isEqualTo(yuan("200.00"));
        assertThat(benefit.eligible()).isEqualTo(yuan("9800.00"));
        // 三级 employee deductible 1000; 9800 − 1000 = 8800 × 80% = 7040
        assertThat(benefit.deductible()).isEqualTo(yuan("1000.00"));
        assertThat(benefit.fund()).isEqualTo(yuan("7040.00"));
        // personal eligible share 9800 − 7040 = 2760 < 大病起付线 15000: nothing from 大病保险
        assertThat(benefit.criticalIllness()).isEqualTo(yuan("0.00"));
        assertThat(benefit.assistance()).isEqualTo(yuan("0.00"));
        assertThat(benefit.personalAccount()).isEqualTo(yuan("0.00"));
        // cash 10500 − 7040 = 3460 (= 500 丙类 + 200 先行自付 + 1000 起付线 + 1760 the 20%)
        assertThat(benefit.cash()).isEqualTo(yuan("3460.00"));
        assertThat(benefit.reimbursed()).isEqualTo(yuan("7040.00"));
        assertThat(benefit.breakdown()).containsExactly(
                new Step("丙类及自费", "丙类及自费费用500.00元，不属于基本医疗保险政策范围，由个人负担", yuan("500.00")),
                new Step("乙类先行自付", "乙类费用2000.00元，按乙类先行自付比例10%由个人先行自付200.00元", yuan("200.00")),
                new Step("政策范围内费用", "政策范围内费用9800.00元（甲类8000.00元，乙类扣除先行自付后1800.00元）", yuan("9800.00")),
                new Step("起付线", "三级医疗机构住院起付线1000.00元，由个人负担", yuan("1000.00")),
                new Step("统筹基金", "三级医疗机构住院（统筹区内），起付线以上政策范围内费用8800.00元，按支付比例80%计算7040.00元，"
                        + "统筹基金支付7040.00元", yuan("7040.00")),
                new Step("大病保险", "本年度个人负担的政策范围内费用累计2760.00元，未超过大病保险起付线15000.00元，大病保险本次不予支付",
                        yuan("0.00")),
                new Step("个人现金", "个人现金支付3460.00元（含丙类及自费500.00元）", yuan("3460.00")));
        // an admission's deductible is not the yearly outpatient one: deductiblePaid stays 0
        assertThat(benefit.after()).isEqualTo(yearToDate("0.00", "7040.00", "0.00", "0.00", "0.00", "0.00", "2760.00"));
    }

    @Test
    void a_resident_off_site_without_filing_gets_twenty_points_less_and_with_a_filing_the_pool_ratio() {
        Claim unfiled = claim(Scheme.RESIDENT, InstitutionLevel.SECONDARY, Place.UNFILED_OFFSITE, VisitType.INPATIENT,
                classA("6000.00"), line(Category.B, "2", "1500.00", "3000.00"), selfPay("400.00"));

        Benefit benefit = BenefitCalculator.calculate(unfiled, RESIDENT);

        // total 6000 + 2 × 1500 + 400 = 9400; 自费 400 excluded
        assertThat(benefit.total()).isEqualTo(yuan("9400.00"));
        assertThat(benefit.excluded()).isEqualTo(yuan("400.00"));
        // 乙类 3000 × 10% = 300; eligible 6000 + 2700 = 8700
        assertThat(benefit.selfPayFirst()).isEqualTo(yuan("300.00"));
        assertThat(benefit.eligible()).isEqualTo(yuan("8700.00"));
        // 二级 resident deductible 500; ratio 75% − 20 points = 55%; 8700 − 500 = 8200 × 55% = 4510
        assertThat(benefit.deductible()).isEqualTo(yuan("500.00"));
        assertThat(benefit.fund()).isEqualTo(yuan("4510.00"));
        // personal share 8700 − 4510 = 4190 < 15000: no 大病保险
        assertThat(benefit.criticalIllness()).isEqualTo(yuan("0.00"));
        // cash 9400 − 4510 = 4890
        assertThat(benefit.cash()).isEqualTo(yuan("4890.00"));
        assertThat(step(benefit, "统筹基金").text()).isEqualTo("二级医疗机构住院（异地未备案），起付线以上政策范围内费用8200.00元，"
                + "按统筹区内支付比例75%降低20个百分点后的55%计算4510.00元，统筹基金支付4510.00元");

        Claim filed = claim(Scheme.RESIDENT, InstitutionLevel.SECONDARY, Place.FILED_OFFSITE, VisitType.INPATIENT,
                unfiled.lines().toArray(BillLine[]::new));
        // filed: the pool's 75%: 8200 × 75% = 6150; cash 9400 − 6150 = 3250
        Benefit filedBenefit = BenefitCalculator.calculate(filed, RESIDENT);
        assertThat(filedBenefit.fund()).isEqualTo(yuan("6150.00"));
        assertThat(filedBenefit.cash()).isEqualTo(yuan("3250.00"));
    }

    @Test
    void an_admission_that_stays_below_the_deductible_is_all_the_persons() {
        Claim claim = claim(Scheme.RESIDENT, InstitutionLevel.PRIMARY, Place.IN_POOL, VisitType.INPATIENT, classA("150.00"));

        Benefit benefit = BenefitCalculator.calculate(claim, RESIDENT);

        // 一级 resident deductible 200 > eligible 150: deductible 150, fund 0, cash 150
        assertThat(benefit.deductible()).isEqualTo(yuan("150.00"));
        assertThat(benefit.fund()).isEqualTo(yuan("0.00"));
        assertThat(benefit.cash()).isEqualTo(yuan("150.00"));
        assertThat(step(benefit, "起付线").text())
                .isEqualTo("一级医疗机构住院起付线200.00元，本次政策范围内费用150.00元未超过起付线，全部由个人负担");
        assertThat(step(benefit, "统筹基金").text()).isEqualTo("一级医疗机构住院（统筹区内），政策范围内费用未超过起付线，统筹基金不予支付");
    }

    @Test
    void each_admission_bears_its_own_deductible() {
        Claim first = claim(Scheme.EMPLOYEE, InstitutionLevel.SECONDARY, Place.IN_POOL, VisitType.INPATIENT, classA("5000.00"));
        // 5000 − 600 = 4400 × 85% = 3740
        Benefit once = BenefitCalculator.calculate(first, EMPLOYEE);
        assertThat(once.fund()).isEqualTo(yuan("3740.00"));

        // the second admission pays the 二级 deductible of 600 again: the same 3740
        Benefit again = BenefitCalculator.calculate(first.withYearToDate(once.after()), EMPLOYEE);
        assertThat(again.deductible()).isEqualTo(yuan("600.00"));
        assertThat(again.fund()).isEqualTo(yuan("3740.00"));
        // basic fund 3740 + 3740 = 7480; personal share (600 + 660) × 2 = 2520
        assertThat(again.after()).isEqualTo(yearToDate("0.00", "7480.00", "0.00", "0.00", "0.00", "0.00", "2520.00"));
    }
}
