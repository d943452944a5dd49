package org.jingban.platform.test;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The in-process broker and store log every partition change and client setting at INFO; in tests
 * that buries the lines that matter. Sets those loggers to WARN as a lowest-precedence default
 * (a test's own {@code logging.level.*} wins) in Boot tests, and directly in logback for plain tests.
 */
public class QuietInfrastructureLogging implements EnvironmentPostProcessor {

    static final String[] LOGGERS = {"kafka", "org.apache.kafka", "state.change.logger", "de.bwaldvogel", "org.mongodb.driver"};

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> levels = new LinkedHashMap<>();
        for (String logger : LOGGERS) {
            levels.put("logging.level." + logger, "WARN");
        }
        // and a patient WebTestClient: on two busy cores a response can take longer than the 5 s default
        levels.put("spring.test.webtestclient.timeout", "30s");
        environment.getPropertySources().addLast(new MapPropertySource("jingbanQuietInfrastructureLogging", levels));
    }

    /** Plain JUnit tests: set WARN on loggers that have no level configured, if logback is the backend. */
    static void quietLogback() {
        try {
            ILoggerFactory factory = LoggerFactory.getILoggerFactory();
            if (factory instanceof ch.qos.logback.classic.LoggerContext context) {
                for (String name : LOGGERS) {
                    ch.qos.logback.classic.Logger logger = context.getLogger(name);
                    if (logger.getLevel() == null) {
                        logger.setLevel(ch.qos.logback.classic.Level.WARN);
                    }
                }
            }
        } catch (NoClassDefFoundError noLogback) {
            // another backend: leave its configuration alone
        }
    }
}
