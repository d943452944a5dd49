package org.jingban.platform.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingban.platform.benefits.Fixtures.EMPLOYEE;
import static org.jingban.platform.benefits.Fixtures.RESIDENT;
import static org.jingban.platform.benefits.Fixtures.assistanceEligible;
import static org.jingban.platform.benefits.Fixtures.classA;
import static org.jingban.platform.benefits.Fixtures.classB;
import static org.jingban.platform.benefits.Fixtures.claim;
import static org.jingban.platform.benefits.Fixtures.rules;
import static org.jingban.platform.benefits.Fixtures.step;
import static org.jingban.platform.benefits.Fixtures.yearToDate;
import static org.jingban.platform.benefits.Fixtures.yuan;

import java.util.List;

import org.junit.jupiter.api.Test;

/** 封顶线, 大病保险 and 医疗救助: worked examples on the example policies (示例值), every expected number by hand. */
class CriticalIllnessAndAssistanceTest {

    /** 290000 of the basic cap used; personal share 20000 so far, of which 5000 above 15000 paid at 60% = 3000. */
    private static final YearToDate LATE_IN_A_HARD_YEAR =
            yearToDate("0.00", "290000.00", "0.00", "0.00", "3000.00", "0.00", "20000.00");

    @Test
    void a_bill_past_the_basic_cap_goes_to_the_critical_illness_bands() {
        Claim claim = claim(Scheme.EMPLOYEE, InstitutionLevel.TERTIARY, Place.IN_POOL, VisitType.INPATIENT,
                classA("100000.00")).withYearToDate(LATE_IN_A_HARD_YEAR);

        Benefit benefit = BenefitCalculator.calculate(claim, EMPLOYEE);

        // 100000 − 1000 = 99000 × 80% = 79200, but only 300000 − 290000 = 10000 left of the cap: fund 10000, 69200 cut
        assertThat(benefit.deductible()).isEqualTo(yuan("1000.00"));
        assertThat(benefit.fund()).isEqualTo(yuan("10000.00"));
        assertThat(step(benefit, "封顶线")).isEqualTo(new Step("封顶线",
                "基本医疗保险统筹基金年度最高支付限额300000.00元，本年度此前已支付290000.00元，超出限额的69200.00元统筹基金不予支付",
                yuan("69200.00")));
        // personal share 100000 − 10000 = 90000 (1000 deductible + 19800 the 20% + 69200 above the cap);
        // the year's count goes 20000 → 110000:
        //   20000–50000:  30000 × 60% = 18000
        //   50000–100000: 50000 × 70% = 35000
        //   above 100000: 10000 × 80% =  8000   → 大病保险 61000 (cap room 400000 − 3000 = 397000)
        assertThat(benefit.criticalIllness()).isEqualTo(yuan("61000.00"));
        assertThat(benefit.breakdown().stream().filter(s -> s.rule().equals("大病保险")).toList()).containsExactly(
                new Step("大病保险", "大病保险：本年度个人负担的政策范围内费用累计在15000.00至50000.00元段的本次30000.00元，按60%支付18000.00元",
                        yuan("18000.00")),
                new Step("大病保险", "大病保险：本年度个人负担的政策范围内费用累计在50000.00至100000.00元段的本次50000.00元，按70%支付35000.00元",
                        yuan("35000.00")),
                new Step("大病保险", "大病保险：本年度个人负担的政策范围内费用累计在100000.00元以上部分的本次10000.00元，按80%支付8000.00元",
                        yuan("8000.00")));
        // cash 100000 − 10000 − 61000 = 29000
        assertThat(benefit.cash()).isEqualTo(yuan("29000.00"));
        assertThat(benefit.after()).isEqualTo(yearToDate("0.00", "300000.00", "0.00", "0.00", "64000.00", "0.00", "110000.00"));
    }

    @Test
    void critical_illness_insurance_stops_at_its_annual_cap() {
        YearToDate nearlyCapped = yearToDate("0.00", "290000.00", "0.00", "0.00", "390000.00", "0.00", "20000.00");
        Claim claim = claim(Scheme.EMPLOYEE, InstitutionLevel.TERTIARY, Place.IN_POOL, VisitType.INPATIENT,
                classA("100000.00")).withYearToDate(nearlyCapped);

        Benefit benefit = BenefitCalculator.calculate(claim, EMPLOYEE);

        // bands as above give 61000, but 400000 − 390000 = 10000 left: 大病保险 10000, 51000 cut
        assertThat(benefit.criticalIllness()).isEqualTo(yuan("10000.00"));
        assertThat(step(benefit, "大病保险封顶线")).isEqualTo(new Step("大病保险封顶线",
                "大病保险年度最高支付限额400000.00元，本年度此前已支付390000.00元，超出限额的51000.00元大病保险不予支付", yuan("51000.00")));
        // cash 100000 − 10000 − 10000 = 80000
        assertThat(benefit.cash()).isEqualTo(yuan("80000.00"));
    }

    @Test
    void medical_assistance_pays_its_ratio_of_what_is_left_after_the_fund_and_critical_illness() {
        Claim claim = assistanceEligible(claim(Scheme.RESIDENT, InstitutionLevel.TERTIARY, Place.IN_POOL, VisitType.INPATIENT,
                classA("50000.00"), classB("10000.00")));

        Benefit benefit = BenefitCalculator.calculate(claim, RESIDENT);

        // 乙类 10000 × 10% = 1000; eligible 50000 + 9000 = 59000
        assertThat(benefit.selfPayFirst()).isEqualTo(yuan("1000.00"));
        assertThat(benefit.eligible()).isEqualTo(yuan("59000.00"));
        // 三级 resident: deductible 800, 59000 − 800 = 58200 × 65% = 37830
        assertThat(benefit.fund()).isEqualTo(yuan("37830.00"));
        // personal share 59000 − 37830 = 21170; 21170 − 15000 = 6170 × 60% = 3702
        assertThat(benefit.criticalIllness()).isEqualTo(yuan("3702.00"));
        // left 21170 − 3702 = 17468 × 70% = 12227.60
        assertThat(benefit.assistance()).isEqualTo(yuan("12227.60"));
        // reimbursed 37830 + 3702 + 12227.60 = 53759.60; cash 60000 − 53759.60 = 6240.40 (1000 先行自付 + 30% of 17468 = 5240.40)
        assertThat(benefit.reimbursed()).isEqualTo(yuan("53759.60"));
        assertThat(benefit.cash()).isEqualTo(yuan("6240.40"));
        assertThat(step(benefit, "医疗救助").text())
                .isEqualTo("医疗救助：经基本医疗保险和大病保险支付后个人负担的政策范围内费用17468.00元，按70%计算12227.60元");
        assertThat(rules(benefit)).containsExactly("乙类先行自付", "政策范围内费用", "起付线", "统筹基金", "大病保险", "医疗救助", "个人现金");
        assertThat(benefit.after()).isEqualTo(yearToDate("0.00", "37830.00", "0.00", "0.00", "3702.00", "12227.60", "21170.00"));

        // without the assistance group: cash 60000 − 37830 − 3702 = 18468
        Benefit without = BenefitCalculator.calculate(claim(Scheme.RESIDENT, InstitutionLevel.TERTIARY, Place.IN_POOL,
                VisitType.INPATIENT, classA("50000.00"), classB("10000.00")), RESIDENT);
        assertThat(without.assistance()).isEqualTo(yuan("0.00"));
        assertThat(without.cash()).isEqualTo(yuan("18468.00"));
    }

    @Test
    void medical_assistance_stops_at_its_annual_cap() {
        Claim claim = assistanceEligible(claim(Scheme.RESIDENT, InstitutionLevel.TERTIARY, Place.IN_POOL, VisitType.INPATIENT,
                classA("50000.00"), classB("10000.00")))
                .withYearToDate(yearToDate("0.00", "0.00", "0.00", "0.00", "0.00", "45000.00", "0.00"));

        Benefit benefit = BenefitCalculator.calculate(claim, RESIDENT);

        // as above 12227.60, but 50000 − 45000 = 5000 left: 5000, 7227.60 cut; cash 60000 − 37830 − 3702 − 5000 = 13468
        assertThat(benefit.assistance()).isEqualTo(yuan("5000.00"));
        assertThat(step(benefit, "医疗救助封顶线").amount()).isEqualTo(yuan("7227.60"));
        assertThat(benefit.cash()).isEqualTo(yuan("13468.00"));
    }

    @Test
    void a_policy_without_bands_has_no_critical_illness_insurance() {
        Policy noCriticalIllness = new Policy(EMPLOYEE.selfPayFirstRatio(), EMPLOYEE.inpatient(), EMPLOYEE.outpatient(),
                EMPLOYEE.chronic(), EMPLOYEE.filedOffsitePoints(), EMPLOYEE.unfiledOffsitePoints(), EMPLOYEE.basicAnnualCap(),
                new CriticalIllnessPolicy(yuan("15000.00"), List.of(), yuan("0.00")), EMPLOYEE.assistance(), true);
        Claim claim = claim(Scheme.EMPLOYEE, InstitutionLevel.TERTIARY, Place.IN_POOL, VisitType.INPATIENT,
                classA("100000.00")).withYearToDate(LATE_IN_A_HARD_YEAR);

        Benefit benefit = BenefitCalculator.calculate(claim, noCriticalIllness);

        // fund 10000 as above; no 大病保险: cash 100000 − 10000 = 90000
        assertThat(benefit.criticalIllness()).isEqualTo(yuan("0.00"));
        assertThat(benefit.cash()).isEqualTo(yuan("90000.00"));
        assertThat(rules(benefit)).doesNotContain("大病保险");
    }
}
