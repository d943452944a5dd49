package org.jingban.platform.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jingban.platform.benefits.Fixtures.EMPLOYEE;
import static org.jingban.platform.benefits.Fixtures.RESIDENT;
import static org.jingban.platform.benefits.Fixtures.classA;
import static org.jingban.platform.benefits.Fixtures.claim;
import static org.jingban.platform.benefits.Fixtures.line;
import static org.jingban.platform.benefits.Fixtures.withBalance;
import static org.jingban.platform.benefits.Fixtures.yearToDate;
import static org.jingban.platform.benefits.Fixtures.yuan;

import org.junit.jupiter.api.Test;

class ClaimValidationTest {

    @Test
    void a_claim_without_bill_lines_is_refused() {
        Claim empty = claim(Scheme.EMPLOYEE, InstitutionLevel.PRIMARY, Place.IN_POOL, VisitType.INPATIENT);

        assertThatThrownBy(() -> BenefitCalculator.calculate(empty, EMPLOYEE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("待遇计算的输入有误：费用明细不能为空");
    }

    @Test
    void negative_amounts_are_refused() {
        Claim claim = claim(Scheme.EMPLOYEE, InstitutionLevel.PRIMARY, Place.IN_POOL, VisitType.INPATIENT,
                BillLine.of("A01", "退费", Category.A, yuan("-5.00")));

        assertThatThrownBy(() -> BenefitCalculator.calculate(claim, EMPLOYEE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("费用明细第1行（退费）单价不能为负数：-5.00元")
                .hasMessageContaining("费用明细第1行（退费）金额不能为负数：-5.00元");
    }

    @Test
    void a_line_whose_amount_is_not_quantity_times_unit_price_is_refused() {
        // 3 × 33.33 = 99.99, not 100.00
        Claim claim = claim(Scheme.EMPLOYEE, InstitutionLevel.PRIMARY, Place.IN_POOL, VisitType.INPATIENT,
                line(Category.A, "3", "33.33", "100.00"));

        assertThat(BenefitCalculator.problems(claim))
                .containsExactly("费用明细第1行（项目）金额100.00元与数量×单价不符（3×33.33=99.99元）");
    }

    @Test
    void a_line_amount_rounded_half_up_to_the_fen_is_accepted() {
        // 0.335 × 10.00 = 3.35; 0.3333 × 10.00 = 3.333 → 3.33; 1.5 × 0.03 = 0.045 → 0.05
        Claim claim = claim(Scheme.EMPLOYEE, InstitutionLevel.PRIMARY, Place.IN_POOL, VisitType.INPATIENT,
                line(Category.A, "0.335", "10.00", "3.35"), line(Category.A, "0.3333", "10.00", "3.33"),
                line(Category.A, "1.5", "0.03", "0.05"));

        assertThat(BenefitCalculator.problems(claim)).isEmpty();
        // 3.35 + 3.33 + 0.05 = 6.73, all within the 一级 deductible of 300
        assertThat(BenefitCalculator.calculate(claim, EMPLOYEE).total()).isEqualTo(yuan("6.73"));
    }

    @Test
    void every_problem_is_reported_at_once() {
        Claim claim = new Claim(Scheme.EMPLOYEE, "620600", 2025, null, Place.IN_POOL, VisitType.INPATIENT, false, false,
                java.util.List.of(classA("10.00"), new BillLine("X", "无类别", null, java.math.BigDecimal.ONE, yuan("1.00"), yuan("1.00"))),
                yearToDate("-1.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"), yuan("0.00"));

        assertThat(BenefitCalculator.problems(claim)).containsExactly(
                "未填写医疗机构级别",
                "费用明细第2行（无类别）未填写费用类别（甲类、乙类、丙类或自费）",
                "本年度累计门诊起付线不能为负数：-1.00元");
    }

    @Test
    void a_resident_has_no_personal_account() {
        Claim claim = withBalance(claim(Scheme.RESIDENT, InstitutionLevel.PRIMARY, Place.IN_POOL, VisitType.OUTPATIENT,
                classA("100.00")), "50.00");

        assertThatThrownBy(() -> BenefitCalculator.calculate(claim, RESIDENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("城乡居民基本医疗保险没有个人账户");
    }

    @Test
    void labels_read_as_forms_and_settlement_lists_write_them() {
        assertThat(Category.ofLabel("乙类")).contains(Category.B);
        assertThat(Category.ofLabel(" 甲 ")).contains(Category.A);
        assertThat(Category.ofLabel("丙")).contains(Category.C);
        assertThat(Category.ofLabel("自费")).contains(Category.SELF_PAY);
        assertThat(Category.ofLabel("丁类")).isEmpty();
        assertThat(InstitutionLevel.ofLabel("三级")).contains(InstitutionLevel.TERTIARY);
        assertThat(InstitutionLevel.ofLabel("特级")).isEmpty();
        assertThat(InstitutionLevel.ofLabel(null)).isEmpty();
        assertThat(VisitType.CHRONIC_OUTPATIENT.label()).isEqualTo("门诊慢特病");
        assertThat(Place.UNFILED_OFFSITE.label()).isEqualTo("异地未备案");
        assertThat(Scheme.RESIDENT.label()).isEqualTo("城乡居民基本医疗保险");
    }
}
