package org.jingban.platform.service;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** What every Jingban service has beyond Boot's defaults: a working Mongo health check and its API document's title. */
@AutoConfiguration(before = MongoReactiveHealthContributorAutoConfiguration.class,
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration")
public class ServiceAutoConfiguration {

    /** Named like Boot's so that Boot's {@code hello}-based indicator steps back. */
    @Bean(name = "mongoHealthIndicator")
    @ConditionalOnBean(ReactiveMongoTemplate.class)
    MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI jingbanOpenApi(@Value("${spring.application.name}") String name,
                           @Value("${jingban.service.title:}") String title) {
        return new OpenAPI().info(new Info()
                .title(title.isBlank() ? name : title)
                .description("经办 Jingban · " + name + "（医保经办政务服务）")
                .version("v1"));
    }
}
