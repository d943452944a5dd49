package org.jingban.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jingban.platform.web.accesslog.AccessLogWebFilter;
import org.jingban.platform.web.idempotency.IdempotencyWebFilter;
import org.jingban.platform.web.problem.ProblemExceptionHandler;
import org.jingban.platform.web.request.RequestIdWebFilter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.mockito.Mockito;

class WebAutoConfigurationTest {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebAutoConfiguration.class));

    @Test
    void an_app_without_mongodb_like_the_gateway_gets_everything_but_idempotency() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ProblemExceptionHandler.class)
                    .hasSingleBean(RequestIdWebFilter.class)
                    .hasSingleBean(AccessLogWebFilter.class)
                    .doesNotHaveBean(IdempotencyWebFilter.class);
        });
    }

    @Test
    void an_app_with_a_reactive_mongo_template_gets_idempotency_unless_switched_off() {
        ReactiveWebApplicationContextRunner withMongo = runner
                .withBean(ReactiveMongoTemplate.class, () -> Mockito.mock(ReactiveMongoTemplate.class,
                        Mockito.RETURNS_DEEP_STUBS));

        withMongo.run(context -> assertThat(context).hasSingleBean(IdempotencyWebFilter.class));
        withMongo.withPropertyValues("jingban.web.idempotency.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(IdempotencyWebFilter.class));
    }

    @Test
    void the_access_log_can_be_switched_off() {
        runner.withPropertyValues("jingban.web.access-log.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(AccessLogWebFilter.class));
    }
}
