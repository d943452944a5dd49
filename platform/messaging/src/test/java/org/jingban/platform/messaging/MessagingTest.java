package org.jingban.platform.messaging;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.jingban.platform.test.WithJingbanInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

/** One shared context for every messaging test class: same annotations, same cached context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = MessagingTestApplication.class, properties = {
        "spring.application.name=messaging-test-service",
        "jingban.messaging.relay.max-backoff=1s",
        "jingban.messaging.relay.delivery-timeout=3s",
        "jingban.messaging.consumer.backoff=100ms",
        "management.tracing.sampling.probability=1.0"})
@WithJingbanInfrastructure(database = "messaging-test")
@interface MessagingTest {
    String TOPIC = "jingban.messaging-test.events";
}
