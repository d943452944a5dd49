package org.jingban.reimbursement;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.mongodb.reactivestreams.client.MongoClient;
import org.jingban.enrollment.api.coverage.EnrollmentReadModel;
import org.jingban.platform.benefits.ExamplePolicies;
import org.jingban.platform.benefits.Policies;
import org.jingban.platform.benefits.SchemePolicies;
import org.jingban.platform.cases.Case;
import org.jingban.platform.money.Money;
import org.jingban.reimbursement.chronic.ChronicDiseaseProperties;
import org.jingban.reimbursement.chronic.Entitlements;
import org.jingban.reimbursement.claim.ClaimProperties;
import org.jingban.reimbursement.maternity.MaternityProperties;
import org.jingban.reimbursement.payment.BankPort;
import org.jingban.reimbursement.payment.PaymentOrders;
import org.jingban.reimbursement.payment.SimulatedBank;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.convert.converter.Converter;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The benefit policy (regional configuration over the calculator's example defaults), the disease lists, the bank,
 * the enrollment read model, and the indexes declared in code.
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties({ClaimProperties.class, ChronicDiseaseProperties.class, MaternityProperties.class,
        ReimbursementConfiguration.BenefitProperties.class})
@Import(EnrollmentReadModel.class)
class ReimbursementConfiguration {

    /**
     * jingban.benefits: {@code default} (employee and resident, each a whole {@code Policy}) and
     * {@code regions.<医保区划>.<year>} (the same). Unset: the calculator's EXAMPLE defaults ({@link ExamplePolicies}),
     * which are no region's policy — a region sets its own.
     */
    @ConfigurationProperties("jingban.benefits")
    record BenefitProperties(@Name("default") SchemePolicies defaults,
                             Map<String, Map<Integer, SchemePolicies>> regions) {
    }

    @Bean
    Clock clock() {
        return Clock.system(Case.ZONE);
    }

    @Bean
    Policies benefitPolicies(BenefitProperties properties) {
        SchemePolicies defaults = properties.defaults() != null ? properties.defaults()
                : ExamplePolicies.defaults().defaults();
        return new Policies(defaults, properties.regions() == null ? Map.of() : properties.regions());
    }

    @Bean
    @ConfigurationPropertiesBinding
    static Converter<String, Money> moneyConverter() {
        return new Converter<String, Money>() {
            @Override
            public Money convert(String source) {
                return Money.parse(source);
            }
        };
    }

    /** The bank: the simulated one unless a region's adapter is configured as a {@link BankPort} bean. */
    @Bean
    @ConditionalOnMissingBean(BankPort.class)
    SimulatedBank simulatedBank(MongoClient client, Clock clock,
                                @Value("${jingban.reimbursement.simulated-bank.database:jingban_simulated_bank}") String database,
                                @Value("${jingban.reimbursement.simulated-bank.confirm-delay:PT2S}") Duration delay) {
        return new SimulatedBank(client, database, clock, delay);
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes(ApplicationReadyEvent ready) {
        var context = ready.getApplicationContext();
        context.getBean(Entitlements.class).createIndexes()
                .then(context.getBean(PaymentOrders.class).createIndexes())
                .block(Duration.ofSeconds(30));
    }
}
