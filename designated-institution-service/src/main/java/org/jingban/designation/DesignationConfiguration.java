package org.jingban.designation;

import java.time.Clock;
import java.time.Duration;

import org.jingban.designation.agreement.Agreements;
import org.jingban.designation.agreement.DesignationPolicy;
import org.jingban.designation.application.Dossiers;
import org.jingban.platform.cases.Case;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The clock (tests replace it), the regional policy, the 补正 lapse schedule, and the indexes declared in code. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(DesignationPolicy.class)
class DesignationConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(Case.ZONE);
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes(ApplicationReadyEvent ready) {
        var context = ready.getApplicationContext();
        context.getBean(Agreements.class).createIndexes()
                .then(context.getBean(Dossiers.class).createIndexes())
                .block(Duration.ofSeconds(30));
    }
}
