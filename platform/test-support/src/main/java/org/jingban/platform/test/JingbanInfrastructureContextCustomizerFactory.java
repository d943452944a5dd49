package org.jingban.platform.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Registered in META-INF/spring.factories: gives every test class carrying
 * {@link WithJingbanInfrastructure} the addresses of the shared broker and store.
 */
public class JingbanInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        WithJingbanInfrastructure annotation =
                TestContextAnnotationUtils.findMergedAnnotation(testClass, WithJingbanInfrastructure.class);
        return annotation == null ? null : new Customizer(annotation.database());
    }

    /** A record, so equal settings give equal customizers and Spring reuses the cached context. */
    record Customizer(String database) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            JingbanInfrastructure infrastructure = JingbanInfrastructure.get();
            MutablePropertySources sources = context.getEnvironment().getPropertySources();

            // Addresses win over application.yml (which points at a real local stack).
            Map<String, Object> addresses = new LinkedHashMap<>();
            addresses.put("spring.kafka.bootstrap-servers", infrastructure.bootstrapServers());
            addresses.put("spring.mongodb.uri", infrastructure.mongoUri());
            if (!database.isEmpty()) {
                addresses.put("spring.mongodb.database", database);
            }
            sources.addFirst(new MapPropertySource("jingbanInfrastructure", addresses));

            // Defaults only: a service's own settings override them.
            Map<String, Object> defaults = new LinkedHashMap<>();
            // A listener that joins after an event was published still sees it.
            defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
            sources.addLast(new MapPropertySource("jingbanInfrastructureDefaults", defaults));
        }
    }
}
