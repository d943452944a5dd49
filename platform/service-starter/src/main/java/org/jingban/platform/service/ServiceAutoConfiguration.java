package org.jingban.platform.service;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.admin.Admin;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.messaging.ReadModels;
import org.jingban.platform.security.audit.AuditTrail;
import org.jingban.platform.service.cases.CaseHandlers;
import org.jingban.platform.service.cases.CaseProblemMapper;
import org.jingban.platform.service.items.CaseReactions;
import org.jingban.platform.web.expiry.ExpirySweep;
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
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ContainerGroup;
import org.springframework.kafka.listener.MessageListenerContainer;

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

    /**
     * Not ready until the read models caught up with the events that existed at start (health component
     * {@code readModels}, part of the readiness group): see {@link ReadModelReadiness}.
     */
    @Bean(name = "readModelsHealthIndicator")
    ReadModelReadiness readModelsHealthIndicator(ApplicationContext context,
                                                 ObjectProvider<KafkaListenerEndpointRegistry> registry,
                                                 ObjectProvider<KafkaAdmin> kafkaAdmin,
                                                 @Value("${jingban.readiness.read-models.max-wait:90s}") Duration maxWait) {
        return new ReadModelReadiness(() -> {
            KafkaListenerEndpointRegistry listeners = registry.getIfAvailable();
            if (listeners == null || kafkaAdmin.getIfAvailable() == null
                    || !context.containsBean(ReadModels.CONTAINER_GROUP)) {
                return List.of();
            }
            // Spring Kafka registers a containerGroup as a list of its containers under the group's name
            Object group = context.getBean(ReadModels.CONTAINER_GROUP);
            List<MessageListenerContainer> containers = group instanceof ContainerGroup g
                    ? g.getListenerIds().stream().map(listeners::getListenerContainer).filter(Objects::nonNull).toList()
                    : group instanceof Collection<?> c ? c.stream().filter(MessageListenerContainer.class::isInstance)
                    .map(MessageListenerContainer.class::cast).toList() : List.of();
            return ReadModelReadiness.of(containers);
        }, () -> Admin.create(kafkaAdmin.getObject().getConfigurationProperties()), maxWait);
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
    CaseReactions caseReactions(ApplicationContext context, CaseService cases, ReactiveMongoTemplate mongo,
                                @Value("${jingban.cases.reactions.mark-retention:30d}") Duration markRetention) {
        return new CaseReactions(context, cases, mongo, markRetention);
    }

    /** The case reactions' inbox marks deleted once expired, for a store without TTL expiry (see ExpirySweep). */
    @Bean
    @ConditionalOnBean({CaseService.class, ReactiveMongoTemplate.class})
    @ConditionalOnProperty("jingban.messaging.topic")
    ExpirySweep caseReactionMarksExpiry(CaseReactions reactions,
                                        @Value("${jingban.cases.reactions.mark-expiry-interval:1h}") Duration interval) {
        return new ExpirySweep("办件事件处理标记", reactions::expireMarks, interval);
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
