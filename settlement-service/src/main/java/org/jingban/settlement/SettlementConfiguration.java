package org.jingban.settlement;

import java.time.Clock;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.jingban.enrollment.api.coverage.EnrollmentReadModel;
import org.jingban.offsitefiling.api.coverage.OffsiteFilingReadModel;
import org.jingban.platform.cases.Case;
import org.jingban.settlement.account.EnrollmentAccountProperties;
import org.jingban.settlement.account.EnrollmentAccounts;
import org.jingban.settlement.account.ServiceToken;
import org.jingban.settlement.account.ServiceTokens;
import org.jingban.settlement.coverage.AgreementReadModel;
import org.jingban.settlement.direct.DirectSettlementProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The enrollment and filing read models, the client of enrollment's account API and the indexes declared in code.
 * The benefit policy is platform/benefits' auto-configuration (jingban.benefits, the same keys as reimbursement's).
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties({EnrollmentAccountProperties.class, DirectSettlementProperties.class})
@Import({EnrollmentReadModel.class, OffsiteFilingReadModel.class})
class SettlementConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(Case.ZONE);
    }

    @Bean
    ServiceTokens serviceTokens(EnrollmentAccountProperties properties, Environment environment, Clock clock) {
        return new ServiceTokens(WebClient.builder(), properties, environment, clock);
    }

    @Bean
    EnrollmentAccounts enrollmentAccounts(ObjectProvider<ServiceToken> tokens,
                                          EnrollmentAccountProperties properties, Environment environment,
                                          ObjectProvider<CircuitBreakerRegistry> breakers) {
        return new EnrollmentAccounts(WebClient.builder(), tokens.getIfUnique(() -> tokens.orderedStream().findFirst().orElseThrow()),
                properties, environment, breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults));
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(AgreementReadModel.class).createIndexes().block(Duration.ofSeconds(30));
    }
}
