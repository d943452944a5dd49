package org.jingban.platform.cases.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.jingban.platform.calendar.WorkingDayCalendar;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.application.CaseMetrics;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.cases.persistence.CaseNumberGenerator;
import org.jingban.platform.cases.persistence.CaseRepository;
import org.jingban.platform.catalog.Catalog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * The case kernel for any service with reactive MongoDB: {@link CaseService}, its repository,
 * case numbers and meters. The catalog and calendar beans come from their own auto-configurations.
 */
@AutoConfiguration(after = DataMongoReactiveAutoConfiguration.class)
@ConditionalOnClass(ReactiveMongoTemplate.class)
@ConditionalOnBean(ReactiveMongoTemplate.class)
@EnableConfigurationProperties(CasesProperties.class)
public class CasesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public CaseRepository caseRepository(ReactiveMongoTemplate template) {
        return new CaseRepository(template);
    }

    @Bean
    @ConditionalOnMissingBean
    public CaseNumberGenerator caseNumberGenerator(ReactiveMongoTemplate template) {
        return new CaseNumberGenerator(template);
    }

    @Bean
    @ConditionalOnMissingBean
    public CaseMetrics caseMetrics(ObjectProvider<MeterRegistry> registry) {
        return new CaseMetrics(registry.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    @ConditionalOnMissingBean
    public CaseService caseService(CaseRepository repository, CaseNumberGenerator numbers, Catalog catalog,
                                   WorkingDayCalendar calendar, ObjectProvider<Clock> clock, CaseMetrics metrics,
                                   CasesProperties properties) {
        return new CaseService(repository, numbers, catalog, calendar,
                clock.getIfAvailable(() -> Clock.system(Case.ZONE)), metrics, properties.dueSoonWorkingDays());
    }

    /**
     * Creates the indexes before the application serves requests; this also registers {@link Case}
     * with the mapping context, where the outbox relay looks for aggregate collections.
     */
    @Bean
    public SmartInitializingSingleton caseIndexes(CaseRepository repository, CasesProperties properties,
                                                  ReactiveMongoTemplate template) {
        return () -> {
            template.getConverter().getMappingContext().getPersistentEntity(Case.class);
            if (properties.createIndexes()) {
                repository.ensureIndexes().block(Duration.ofSeconds(30));
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    OverdueGaugeRefresher overdueGaugeRefresher(CaseService service, CasesProperties properties) {
        return new OverdueGaugeRefresher(service, properties.overdueRefresh());
    }
}
