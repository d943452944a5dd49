package org.jingban.platform.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jingban.platform.benefits.Fixtures.yuan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jingban.platform.money.Money;
import org.junit.jupiter.api.Test;

class PoliciesTest {

    private static final Policy EMPLOYEE_2023 = withBasicCap(ExamplePolicies.employee(), "250000.00");
    private static final Policy EMPLOYEE_2025 = withBasicCap(ExamplePolicies.employee(), "320000.00");
    private static final Policy RESIDENT_2025 = withBasicCap(ExamplePolicies.resident(), "160000.00");

    /** 武威 620600: employee policy from 2023, both schemes from 2025 (values invented for the test). */
    private final Policies policies = new Policies(new SchemePolicies(ExamplePolicies.employee(), ExamplePolicies.resident()),
            Map.of("620600", Map.of(
                    2023, new SchemePolicies(EMPLOYEE_2023, null),
                    2025, new SchemePolicies(EMPLOYEE_2025, RESIDENT_2025))));

    @Test
    void the_regions_policy_of_that_year_applies() {
        assertThat(policies.lookup("620600", 2025, Scheme.EMPLOYEE)).isSameAs(EMPLOYEE_2025);
        assertThat(policies.lookup("620600", 2025, Scheme.RESIDENT)).isSameAs(RESIDENT_2025);
        assertThat(policies.lookup("620600", 2023, Scheme.EMPLOYEE)).isSameAs(EMPLOYEE_2023);
    }

    @Test
    void a_year_without_its_own_policy_keeps_the_regions_newest_earlier_one() {
        assertThat(policies.lookup("620600", 2024, Scheme.EMPLOYEE)).isSameAs(EMPLOYEE_2023);
        assertThat(policies.lookup("620600", 2030, Scheme.EMPLOYEE)).isSameAs(EMPLOYEE_2025);
        assertThat(policies.lookup("620600", 2026, Scheme.RESIDENT)).isSameAs(RESIDENT_2025);
    }

    @Test
    void otherwise_the_default_applies() {
        // 2024 residents: the region's 2023 entry has no resident policy, none earlier
        assertThat(policies.lookup("620600", 2024, Scheme.RESIDENT)).isEqualTo(ExamplePolicies.resident());
        // before the region's first year
        assertThat(policies.lookup("620600", 2022, Scheme.EMPLOYEE)).isEqualTo(ExamplePolicies.employee());
        // a region without overrides
        assertThat(policies.lookup("513224", 2025, Scheme.EMPLOYEE)).isEqualTo(ExamplePolicies.employee());
        assertThat(ExamplePolicies.defaults().lookup("620600", 2025, Scheme.RESIDENT)).isEqualTo(ExamplePolicies.resident());
    }

    @Test
    void a_claim_finds_its_policy_by_region_year_and_scheme() {
        Claim claim = Fixtures.claim(Scheme.EMPLOYEE, InstitutionLevel.PRIMARY, Place.IN_POOL, VisitType.INPATIENT,
                Fixtures.classA("1.00"));
        assertThat(policies.lookup(claim)).isSameAs(EMPLOYEE_2025);
    }

    @Test
    void the_default_needs_both_schemes() {
        assertThatThrownBy(() -> Policies.of(new SchemePolicies(ExamplePolicies.employee(), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("待遇政策缺少城乡居民基本医疗保险的默认参数");
    }

    @Test
    void a_wrong_policy_value_is_refused_when_constructed() {
        assertThatThrownBy(() -> new LevelRatios(new BigDecimal("0.9"), new BigDecimal("85"), new BigDecimal("0.8")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secondary应为0到1之间的比例");
        assertThatThrownBy(() -> new CriticalIllnessPolicy(yuan("15000.00"), List.of(
                new CriticalIllnessPolicy.Band(null, new BigDecimal("0.6")),
                new CriticalIllnessPolicy.Band(yuan("50000.00"), new BigDecimal("0.7"))), yuan("1.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("只有最后一段可以不设上限");
        assertThatThrownBy(() -> new CriticalIllnessPolicy(yuan("15000.00"), List.of(
                new CriticalIllnessPolicy.Band(yuan("10000.00"), new BigDecimal("0.6"))), yuan("1.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("各段上限应高于起付线并逐段递增");
        assertThatThrownBy(() -> new AssistancePolicy(new BigDecimal("0.7"), yuan("-1.00")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_absent_off_site_adjustment_is_zero_and_the_ratio_stays_between_0_and_1() {
        Policy employee = ExamplePolicies.employee();
        Policy noPoints = new Policy(employee.selfPayFirstRatio(), employee.inpatient(), employee.outpatient(),
                employee.chronic(), null, new BigDecimal("-95"), employee.basicAnnualCap(), employee.criticalIllness(),
                employee.assistance(), true);
        assertThat(noPoints.filedOffsitePoints()).isEqualByComparingTo("0");
        // 80% + 0 points = 80%; 80% − 95 points → 0, not negative
        assertThat(noPoints.ratio(VisitType.INPATIENT, InstitutionLevel.TERTIARY, Place.FILED_OFFSITE)).isEqualByComparingTo("0.80");
        assertThat(noPoints.ratio(VisitType.INPATIENT, InstitutionLevel.TERTIARY, Place.UNFILED_OFFSITE)).isEqualByComparingTo("0");
    }

    private static Policy withBasicCap(Policy p, String cap) {
        return new Policy(p.selfPayFirstRatio(), p.inpatient(), p.outpatient(), p.chronic(), p.filedOffsitePoints(),
                p.unfiledOffsitePoints(), Money.parse(cap), p.criticalIllness(), p.assistance(), p.accountPaysSelfPayFirst());
    }
}
