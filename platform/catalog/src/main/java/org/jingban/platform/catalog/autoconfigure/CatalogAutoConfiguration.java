package org.jingban.platform.catalog.autoconfigure;

import org.jingban.platform.catalog.Catalog;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Exposes the bundled {@link Catalog}. A malformed catalog throws while the bean is created, so the application does
 * not start. {@code jingban.catalog.default-region} changes the default region (another province's deployment).
 */
@AutoConfiguration
public class CatalogAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Catalog catalog(Environment environment) {
        Catalog catalog = Catalog.load();
        String region = environment.getProperty("jingban.catalog.default-region");
        return region == null || region.isBlank() ? catalog : catalog.withDefaultRegion(region.trim());
    }
}
