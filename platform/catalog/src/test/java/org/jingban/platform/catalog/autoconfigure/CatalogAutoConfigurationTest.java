package org.jingban.platform.catalog.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.jingban.platform.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CatalogAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CatalogAutoConfiguration.class));

    @Test
    void an_application_with_the_jar_gets_the_bundled_catalog() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(Catalog.class);
            assertThat(context.getBean(Catalog.class).items()).hasSize(43);
            assertThat(context.getBean(Catalog.class).defaultRegion()).isEqualTo("620000");
        });
    }

    @Test
    void a_deployment_can_name_another_default_region() {
        runner.withPropertyValues("jingban.catalog.default-region=513224").run(context ->
                assertThat(context.getBean(Catalog.class).defaultRegion()).isEqualTo("513224"));
    }
}
