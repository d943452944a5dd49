package org.jingban.platform.signing.autoconfigure;

import java.time.Clock;

import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.autoconfigure.CatalogAutoConfiguration;
import org.jingban.platform.signing.OfficeKeys;
import org.jingban.platform.signing.OfficeNames;
import org.jingban.platform.signing.SigningProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * The 电子签章 of any service with reactive MongoDB and the catalog: {@link OfficeNames} and {@link OfficeKeys}
 * configured by {@code jingban.signing.*} ({@link SigningProperties}). The service's {@link Clock} bean is used
 * where it has one (the seal's {@code signedAt}, a stored key's {@code createdAt}).
 */
@AutoConfiguration(after = {DataMongoReactiveAutoConfiguration.class, CatalogAutoConfiguration.class})
@ConditionalOnClass({ReactiveMongoTemplate.class, Catalog.class})
@ConditionalOnBean({ReactiveMongoTemplate.class, Catalog.class})
@EnableConfigurationProperties(SigningProperties.class)
public class SigningAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public OfficeNames officeNames(Catalog catalog) {
        return new OfficeNames(catalog);
    }

    @Bean
    @ConditionalOnMissingBean
    public OfficeKeys officeKeys(SigningProperties properties, ReactiveMongoTemplate mongo, OfficeNames names,
                                 ObjectProvider<Clock> clock) {
        return new OfficeKeys(properties, mongo, names, clock.getIfAvailable(Clock::systemUTC));
    }
}
