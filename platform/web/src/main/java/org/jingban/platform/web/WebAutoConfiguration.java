package org.jingban.platform.web;

import org.jingban.platform.web.accesslog.AccessLogWebFilter;
import org.jingban.platform.web.expiry.ExpirySweep;
import org.jingban.platform.web.idempotency.IdempotencyStore;
import org.jingban.platform.web.idempotency.IdempotencyWebFilter;
import org.jingban.platform.web.problem.ProblemExceptionHandler;
import org.jingban.platform.web.problem.ProblemMapper;
import org.jingban.platform.web.request.RequestIdWebFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.codec.ServerCodecConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details, request id, masked access log and Idempotency-Key for every reactive web app
 * (services and gateway). Each bean backs off when the application defines its own.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(JingbanWebProperties.class)
public class WebAutoConfiguration {

    /** Every request body's strings through the text policy; numbers never read as strings (TextPolicyModule). */
    @Bean
    org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer jingbanTextPolicy() {
        return org.jingban.platform.web.text.TextPolicyModule::apply;
    }

    /**
     * Request bodies read by {@link org.jingban.platform.web.text.TextCheckingJsonDecoder}: every text-policy refusal
     * of a body named at once. Ordered after Boot's own Jackson codec customizer, whose decoder it replaces.
     */
    @Bean
    @org.springframework.core.annotation.Order(10)
    @ConditionalOnClass(name = "org.springframework.boot.http.codec.CodecCustomizer")
    org.springframework.boot.http.codec.CodecCustomizer jingbanTextCheckingDecoder(ObjectProvider<JsonMapper> jsonMapper) {
        return configurer -> jsonMapper.ifAvailable(mapper -> configurer.defaultCodecs()
                .jacksonJsonDecoder(new org.jingban.platform.web.text.TextCheckingJsonDecoder(mapper)));
    }

    @Bean
    @ConditionalOnMissingBean
    public ProblemExceptionHandler jingbanProblemExceptionHandler(ObjectProvider<JsonMapper> jsonMapper,
                                                                  ObjectProvider<ProblemMapper> mappers) {
        return new ProblemExceptionHandler(jsonMapper.getIfAvailable(JsonMapper::new), mappers.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    public RequestIdWebFilter jingbanRequestIdWebFilter() {
        return new RequestIdWebFilter();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "jingban.web.access-log", name = "enabled", havingValue = "true", matchIfMissing = true)
    public AccessLogWebFilter jingbanAccessLogWebFilter(ProblemExceptionHandler problems) {
        return new AccessLogWebFilter(problems);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ReactiveMongoTemplate.class)
    @ConditionalOnBean(ReactiveMongoTemplate.class)
    @ConditionalOnProperty(prefix = "jingban.web.idempotency", name = "enabled", havingValue = "true", matchIfMissing = true)
    static class IdempotencyConfiguration {

        @Bean
        @ConditionalOnMissingBean
        IdempotencyStore jingbanIdempotencyStore(ReactiveMongoTemplate mongo, JingbanWebProperties properties) {
            return new IdempotencyStore(mongo, properties.getIdempotency().getTtl());
        }

        /** The TTL index, created once the context is up; failure only logs (see IdempotencyStore). */
        @Bean
        SmartInitializingSingleton jingbanIdempotencyIndexes(IdempotencyStore store) {
            return () -> store.createIndexes().subscribe();
        }

        /** Expired records deleted every {@code jingban.web.idempotency.expiry-interval} (see ExpirySweep). */
        @Bean
        ExpirySweep jingbanIdempotencyExpiry(IdempotencyStore store, JingbanWebProperties properties) {
            return new ExpirySweep("幂等键", store::expire, properties.getIdempotency().getExpiryInterval());
        }

        @Bean
        @ConditionalOnMissingBean
        IdempotencyWebFilter jingbanIdempotencyWebFilter(IdempotencyStore store, ProblemExceptionHandler problems,
                                                         ObjectProvider<ServerCodecConfigurer> codecs,
                                                         JingbanWebProperties properties) {
            return new IdempotencyWebFilter(store, problems, codecs.getIfAvailable(ServerCodecConfigurer::create),
                    (int) properties.getIdempotency().getMaxBodySize().toBytes(),
                    properties.getIdempotency().getInProgressTimeout());
        }
    }
}
