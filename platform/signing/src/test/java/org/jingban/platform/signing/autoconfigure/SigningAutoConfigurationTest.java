package org.jingban.platform.signing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;

import org.jingban.platform.catalog.autoconfigure.CatalogAutoConfiguration;
import org.jingban.platform.signing.OfficeKeys;
import org.jingban.platform.signing.OfficeNames;
import org.jingban.platform.signing.SigningProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** OfficeKeys in every service with reactive MongoDB and the catalog, configured by {@code jingban.signing.*}. */
class SigningAutoConfigurationTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CatalogAutoConfiguration.class, SigningAutoConfiguration.class));

    @Test
    void a_service_with_mongo_gets_office_keys_bound_to_jingban_signing() {
        context.withBean(ReactiveMongoTemplate.class, () -> mock(ReactiveMongoTemplate.class))
                .withBean(Clock.class, Clock::systemUTC)
                .withPropertyValues("jingban.signing.generate-missing=false",
                        "jingban.signing.trusted-certificates=classpath*:no-such-dir/*.pem")
                .run(c -> {
                    assertThat(c).hasSingleBean(OfficeKeys.class).hasSingleBean(OfficeNames.class);
                    SigningProperties properties = c.getBean(SigningProperties.class);
                    assertThat(properties.isGenerateMissing()).isFalse();
                    assertThat(properties.getTrustedCertificates()).isEqualTo("classpath*:no-such-dir/*.pem");
                    assertThat(c.getBean(OfficeNames.class).name("620100")).isEqualTo("兰州市医疗保障经办机构");
                });
    }

    @Test
    void defaults_are_local_mode_with_the_national_trust_directory() {
        context.withBean(ReactiveMongoTemplate.class, () -> mock(ReactiveMongoTemplate.class)).run(c -> {
            SigningProperties properties = c.getBean(SigningProperties.class);
            assertThat(properties.isGenerateMissing()).isTrue();
            assertThat(properties.getOffices()).isEmpty();
            assertThat(properties.getTrustedCertificates()).isEqualTo("classpath*:national-trust/*.pem");
        });
    }

    @Test
    void without_mongo_there_are_no_office_keys() {
        context.run(c -> assertThat(c).doesNotHaveBean(OfficeKeys.class));
    }
}
