package org.jingban.platform.benefits.autoconfigure;

import java.util.Map;

import org.jingban.platform.benefits.ExamplePolicies;
import org.jingban.platform.benefits.Policies;
import org.jingban.platform.benefits.SchemePolicies;
import org.jingban.platform.money.Money;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;

/**
 * The benefit policy of every service that pays (reimbursement-service, settlement-service), from one configuration:
 * {@code jingban.benefits.default.employee|resident} (whole policies) and
 * {@code jingban.benefits.regions.<医保区划>.<year>.employee|resident}. Unset, the calculator's EXAMPLE defaults
 * ({@link ExamplePolicies}) apply — no region's policy. Amounts bind from strings ({@code "1000.00"}).
 */
@AutoConfiguration
@EnableConfigurationProperties(BenefitsAutoConfiguration.BenefitProperties.class)
public class BenefitsAutoConfiguration {

    @ConfigurationProperties("jingban.benefits")
    public record BenefitProperties(@Name("default") SchemePolicies defaults,
                                    Map<String, Map<Integer, SchemePolicies>> regions) {
    }

    @Bean
    @ConditionalOnMissingBean
    Policies benefitPolicies(BenefitProperties properties) {
        SchemePolicies defaults = properties.defaults() != null ? properties.defaults()
                : ExamplePolicies.defaults().defaults();
        return new Policies(defaults, properties.regions() == null ? Map.of() : properties.regions());
    }

    /** Amounts in configuration are strings with at most two decimals. */
    @Bean
    @ConfigurationPropertiesBinding
    static Converter<String, Money> jingbanMoneyConverter() {
        return new Converter<String, Money>() {
            @Override
            public Money convert(String source) {
                return Money.parse(source);
            }
        };
    }
}
