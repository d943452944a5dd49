package org.jingban.notification.it;

import org.jingban.notification.channel.LocalSinkGateway;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Test doubles at the service's edges only: a clock the test sets, and a provider gateway that can fail on purpose
 * in front of the real local sink.
 */
@TestConfiguration(proxyBeanMethods = false)
public class NotificationTestBeans {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    @Primary
    FlakyGateway flakyGateway(ReactiveMongoTemplate mongo, TestClock clock) {
        return new FlakyGateway(new LocalSinkGateway(mongo, clock));
    }
}
