package org.jingban.enrollment;

import java.time.Clock;

import org.jingban.enrollment.account.AccountLedger;
import org.jingban.enrollment.account.AccountProperties;
import org.jingban.enrollment.contribution.ContributionRates;
import org.jingban.platform.cases.Case;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AccountProperties.class, ContributionRates.class})
class EnrollmentConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(Case.ZONE);
    }

    /** Indexes declared in code, created before the service takes traffic. */
    @Bean
    SmartInitializingSingleton enrollmentIndexes(AccountLedger ledger) {
        return () -> ledger.ensureIndexes().block();
    }
}
