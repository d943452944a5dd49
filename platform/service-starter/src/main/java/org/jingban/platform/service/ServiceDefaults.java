package org.jingban.platform.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Adds {@code jingban-service-defaults.properties} as the lowest-priority property source, so that
 * every service shares one set of defaults (actuator exposure, local Kafka and Mongo addresses,
 * graceful shutdown) and a service's own application.yml or the environment overrides any of them.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "jingban-service-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            Properties defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource(RESOURCE));
            environment.getPropertySources().addLast(new PropertiesPropertySource("jingbanServiceDefaults", defaults));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
