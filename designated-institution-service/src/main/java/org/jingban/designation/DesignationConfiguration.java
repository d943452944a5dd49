package org.jingban.designation;

import java.time.Clock;
import java.time.Duration;

import org.jingban.designation.agreement.Agreements;
import org.jingban.designation.agreement.DesignationPolicy;
import org.jingban.designation.application.Dossiers;
import org.jingban.platform.cases.Case;
import org.jingban.platform.service.ServiceClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock (tests replace it; {@code jingban.clock.offset} moves it for a test of the packaged service), the regional
 * policy, the 补正 lapse schedule, and the indexes declared in code.
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(DesignationPolicy.class)
class DesignationConfiguration {

    /**
     * China's time, moved by {@code jingban.clock.offset} when set (an ISO-8601 duration, logged as a warning at start;
     * the e2e suite starts this service three weeks in the past to let a 公示 pass): see {@link ServiceClock}.
     */
    @Bean
    Clock clock(@Value("${" + ServiceClock.OFFSET_PROPERTY + ":}") String offset) {
        return ServiceClock.of(Case.ZONE, offset);
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes(ApplicationReadyEvent ready) {
        var context = ready.getApplicationContext();
        context.getBean(Agreements.class).createIndexes()
                .then(context.getBean(Dossiers.class).createIndexes())
                .block(Duration.ofSeconds(30));
    }
}
