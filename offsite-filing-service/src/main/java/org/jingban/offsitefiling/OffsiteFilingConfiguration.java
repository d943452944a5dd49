package org.jingban.offsitefiling;

import java.time.Clock;
import java.time.Duration;

import org.jingban.enrollment.api.coverage.EnrollmentReadModel;
import org.jingban.offsitefiling.filing.FilingProperties;
import org.jingban.offsitefiling.filing.Filings;
import org.jingban.platform.cases.Case;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The filing policy (regional configuration), the expiry schedule, and the indexes declared in code. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(FilingProperties.class)
@Import(EnrollmentReadModel.class)
class OffsiteFilingConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(Case.ZONE);
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(Filings.class).createIndexes().block(Duration.ofSeconds(30));
    }
}
