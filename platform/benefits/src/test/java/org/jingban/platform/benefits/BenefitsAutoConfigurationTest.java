package org.jingban.platform.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import org.jingban.platform.benefits.autoconfigure.BenefitsAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration every paying service gets: example defaults unless configured, the same keys everywhere. */
class BenefitsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BenefitsAutoConfiguration.class));

    @Test
    void without_configuration_the_example_policies_apply() {
        runner.run(context -> assertThat(context.getBean(Policies.class).lookup("620600", 2026, Scheme.EMPLOYEE))
                .isEqualTo(ExamplePolicies.employee()));
    }

    @Test
    void a_service_may_bring_its_own_policies() {
        Policies own = ExamplePolicies.defaults();
        runner.withBean(Policies.class, () -> own)
                .run(context -> assertThat(context.getBean(Policies.class)).isSameAs(own));
    }
}
