package org.jingban.platform.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingban.platform.benefits.Fixtures.yuan;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.jingban.platform.money.Money;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import tools.jackson.databind.json.JsonMapper;

/**
 * The forms the records travel in: bound by constructor from the configuration layout the README gives (with the
 * one converter a service adds, {@code String → Money}), and as JSON.
 */
class PolicyConfigurationTest {

    /** What a service declares, as {@code @ConfigurationProperties("jingban.benefits")}. */
    record BenefitsProperties(@Name("default") SchemePolicies defaults, Map<String, Map<Integer, SchemePolicies>> regions) {

        Policies policies() {
            return new Policies(defaults, regions);
        }
    }

    /** The example employee policy as configuration, and a 2025 override for 武威 620600 (an invented value: cap 320000). */
    private static final String CONFIGURATION = scheme("default.employee", "300000") + scheme("default.resident", "150000")
            + scheme("regions.620600.2025.employee", "320000");

    private static String scheme(String at, String basicAnnualCap) {
        String p = "jingban.benefits." + at + ".";
        return p + "self-pay-first-ratio=0.10\n"
                + p + "inpatient.deductible.primary=300\n"
                + p + "inpatient.deductible.secondary=600\n"
                + p + "inpatient.deductible.tertiary=1000\n"
                + p + "inpatient.ratio.primary=0.90\n"
                + p + "inpatient.ratio.secondary=0.85\n"
                + p + "inpatient.ratio.tertiary=0.80\n"
                + p + "outpatient.deductible.primary=200\n"
                + p + "outpatient.deductible.secondary=200\n"
                + p + "outpatient.deductible.tertiary=200\n"
                + p + "outpatient.ratio.primary=0.50\n"
                + p + "outpatient.ratio.secondary=0.50\n"
                + p + "outpatient.ratio.tertiary=0.50\n"
                + p + "outpatient.annual-limit=2000\n"
                + p + "chronic.deductible.primary=0\n"
                + p + "chronic.deductible.secondary=0\n"
                + p + "chronic.deductible.tertiary=0\n"
                + p + "chronic.ratio.primary=0.70\n"
                + p + "chronic.ratio.secondary=0.70\n"
                + p + "chronic.ratio.tertiary=0.70\n"
                + p + "chronic.annual-limit=5000\n"
                + p + "unfiled-offsite-points=-20\n"
                + p + "basic-annual-cap=" + basicAnnualCap + "\n"
                + p + "critical-illness.deductible=15000\n"
                + p + "critical-illness.bands[0].up-to=50000\n"
                + p + "critical-illness.bands[0].ratio=0.60\n"
                + p + "critical-illness.bands[1].up-to=100000\n"
                + p + "critical-illness.bands[1].ratio=0.70\n"
                + p + "critical-illness.bands[2].ratio=0.80\n"
                + p + "critical-illness.annual-cap=400000\n"
                + p + "assistance.ratio=0.70\n"
                + p + "assistance.annual-cap=50000\n"
                + p + "account-pays-self-pay-first=true\n";
    }

    @Test
    void a_service_binds_the_policies_by_constructor_from_its_configuration() throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(CONFIGURATION));
        ApplicationConversionService conversion = new ApplicationConversionService();
        conversion.addConverter(String.class, Money.class, Money::parse);
        Binder binder = new Binder(List.of(new MapConfigurationPropertySource(properties)), null, conversion);

        Policies policies = binder.bind("jingban.benefits", BenefitsProperties.class).get().policies();

        Policy employee = policies.lookup("513224", 2025, Scheme.EMPLOYEE);
        assertThat(employee.inpatient().deductible().tertiary()).isEqualTo(yuan("1000.00"));
        assertThat(employee.criticalIllness().bands()).containsExactly(
                new CriticalIllnessPolicy.Band(yuan("50000.00"), new BigDecimal("0.60")),
                new CriticalIllnessPolicy.Band(yuan("100000.00"), new BigDecimal("0.70")),
                new CriticalIllnessPolicy.Band(null, new BigDecimal("0.80")));
        assertThat(employee.filedOffsitePoints()).isEqualByComparingTo("0");
        // ratios written as the example writes them ("0.10"), so the bound policy equals it value for value
        assertThat(employee).isEqualTo(ExamplePolicies.employee());
        assertThat(policies.lookup("620600", 2026, Scheme.EMPLOYEE).basicAnnualCap()).isEqualTo(yuan("320000.00"));
        // the region configured no resident policy for 2025: the default
        assertThat(policies.lookup("620600", 2026, Scheme.RESIDENT).basicAnnualCap()).isEqualTo(yuan("150000.00"));
    }

    @Test
    void claims_and_benefits_travel_as_json_with_amounts_as_strings() {
        JsonMapper json = JsonMapper.builder().build();
        Claim claim = Fixtures.withBalance(Fixtures.claim(Scheme.EMPLOYEE, InstitutionLevel.TERTIARY, Place.IN_POOL,
                VisitType.INPATIENT, Fixtures.classA("8000.00"), Fixtures.classB("2000.00")), "300.00");
        Benefit benefit = BenefitCalculator.calculate(claim, ExamplePolicies.employee());

        assertThat(json.readValue(json.writeValueAsString(claim), Claim.class)).isEqualTo(claim);
        assertThat(json.readValue(json.writeValueAsString(benefit), Benefit.class)).isEqualTo(benefit);
        assertThat(json.writeValueAsString(benefit)).contains("\"fund\":\"7040.00\"");
        // a year to date stored before eligiblePersonalShare existed reads it as zero
        YearToDate old = json.readValue("{\"deductiblePaid\":\"200.00\",\"basicFundPaid\":\"10.00\",\"outpatientFundPaid\":\"10.00\","
                + "\"chronicFundPaid\":\"0.00\",\"criticalIllnessPaid\":\"0.00\",\"assistancePaid\":\"0.00\"}", YearToDate.class);
        assertThat(old).isEqualTo(new YearToDate(yuan("200.00"), yuan("10.00"), yuan("10.00"), yuan("0.00"), yuan("0.00"),
                yuan("0.00")));
        assertThat(old.eligiblePersonalShare()).isEqualTo(Money.ZERO);
    }
}
