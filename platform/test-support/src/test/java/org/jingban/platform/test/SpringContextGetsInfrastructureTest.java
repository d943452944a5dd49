package org.jingban.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@SpringJUnitConfig(SpringContextGetsInfrastructureTest.Empty.class)
@WithJingbanInfrastructure(database = "spring-context-test")
class SpringContextGetsInfrastructureTest {

    @Configuration
    static class Empty {
    }

    @Autowired
    Environment environment;

    @Test
    void an_annotated_test_context_points_at_the_shared_broker_and_store() {
        JingbanInfrastructure infrastructure = JingbanInfrastructure.get();
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(infrastructure.bootstrapServers());
        assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo(infrastructure.mongoUri());
        assertThat(environment.getProperty("spring.mongodb.database")).isEqualTo("spring-context-test");
        assertThat(environment.getProperty("spring.kafka.consumer.auto-offset-reset")).isEqualTo("earliest");
    }
}
