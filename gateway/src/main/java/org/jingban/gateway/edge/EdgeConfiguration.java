package org.jingban.gateway.edge;

import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.jingban.platform.security.PublicPaths;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/** Rate limits, request size, CORS and circuit breakers at the edge (docs/adr/security.md). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeProperties.class)
public class EdgeConfiguration {

    @Bean
    RateLimitWebFilter rateLimitWebFilter(EdgeProperties edge) {
        return new RateLimitWebFilter(edge.rateLimit(), System::nanoTime);
    }

    @Bean
    RequestSizeWebFilter requestSizeWebFilter(EdgeProperties edge) {
        return new RequestSizeWebFilter(edge.maxRequestSize().toBytes());
    }

    /** {@code /dev/**} is public so that outside the local profile it answers 404, not 401. */
    @Bean
    PublicPaths gatewayPublicPaths() {
        return PublicPaths.of("/dev/**");
    }

    /** CORS for the configured origins, before security so that a preflight needs no token. */
    @Bean
    OrderedCorsFilter corsFilter(EdgeProperties edge) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(edge.corsOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Idempotency-Key", "X-Request-Id"));
        cors.setExposedHeaders(List.of("X-Request-Id", HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION, "Idempotency-Replayed"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return new OrderedCorsFilter(source);
    }

    static final class OrderedCorsFilter extends CorsWebFilter implements Ordered {
        OrderedCorsFilter(UrlBasedCorsConfigurationSource source) {
            super(source);
        }

        @Override
        public int getOrder() {
            return -120;
        }
    }

    /** Every route's breaker: opens at the failure rate, answers 503 at once while open; calls time out (504). */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(EdgeProperties edge) {
        EdgeProperties.CircuitBreaker cb = edge.circuitBreaker();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .failureRateThreshold(cb.failureRateThreshold())
                        .minimumNumberOfCalls(cb.minimumCalls())
                        .slidingWindowSize(Math.max(cb.minimumCalls(), 20))
                        .waitDurationInOpenState(cb.openFor())
                        // a full bulkhead is load, not a failing service: it must not open the breaker
                        .ignoreExceptions(io.github.resilience4j.bulkhead.BulkheadFullException.class)
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(cb.callTimeout()).build())
                .build());
    }
}
