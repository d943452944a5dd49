package org.jingban.platform.service;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.security.audit.AuditTrail;
import org.jingban.platform.service.cases.CaseHandlers;
import org.jingban.platform.service.cases.CaseProblemMapper;
import org.jingban.platform.service.items.CaseReactions;
import org.jingban.platform.service.items.ItemSubmissions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** What every Jingban service has beyond Boot's defaults: a working Mongo health check and its API document's title. */
@AutoConfiguration(before = MongoReactiveHealthContributorAutoConfiguration.class,
        afterName = {"org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
                "org.jingban.platform.cases.autoconfigure.CasesAutoConfiguration"})
public class ServiceAutoConfiguration {

    /** Named like Boot's so that Boot's {@code hello}-based indicator steps back. */
    @Bean(name = "mongoHealthIndicator")
    @ConditionalOnBean(ReactiveMongoTemplate.class)
    MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    /** The case kernel's refusals (422, every reason) and unknown cases (404) as problems, in every handler. */
    @Bean
    CaseProblemMapper caseProblemMapper() {
        return new CaseProblemMapper();
    }

    /** The shared case endpoints, for a service that owns cases and says where they live. */
    @Bean
    @ConditionalOnBean(CaseService.class)
    @ConditionalOnProperty("jingban.cases.path")
    CaseHandlers caseHandlers(CaseService cases, ObjectProvider<AuditTrail> audit,
                              ObjectProvider<org.jingban.platform.service.cases.OwnedStages> owned) {
        return new CaseHandlers(cases, audit, owned);
    }

    /** The item extension point's submission path (see {@code org.jingban.platform.service.items}). */
    @Bean
    @ConditionalOnBean(CaseService.class)
    ItemSubmissions jingbanItemSubmissions(CaseService cases, ObjectProvider<CaseReactions> reactions) {
        return new ItemSubmissions(cases, reactions.getIfAvailable());
    }

    /** The one dispatcher of {@code @CaseReaction} methods, on the service's own topic. */
    @Bean
    @ConditionalOnBean({CaseService.class, ReactiveMongoTemplate.class})
    @ConditionalOnProperty("jingban.messaging.topic")
    CaseReactions caseReactions(ApplicationContext context, CaseService cases, ReactiveMongoTemplate mongo) {
        return new CaseReactions(context, cases, mongo);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI jingbanOpenApi(@Value("${spring.application.name}") String name,
                           @Value("${jingban.service.title:}") String title) {
        return new OpenAPI().info(new Info()
                .title(title.isBlank() ? name : title)
                .description("经办 Jingban · " + name + "（医保经办政务服务）")
                .version("v1"))
                // relative: "Try it out" in the gateway's Swagger UI goes through the gateway, not to the service's port
                .servers(List.of(new Server().url("/").description("经 gateway 访问")));
    }
}
