package org.jingban.gateway.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jingban.gateway.edge.FallbackHandlers;
import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/** Routes {@code /api/v1/<area>/**} to the services, and each service's API document to the one Swagger UI. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DownstreamServices.class)
public class RoutingConfiguration {

    /** Where the Swagger UI fetches a service's document through the gateway. */
    static String apiDocsPath(String service) {
        return "/api-docs/" + service;
    }

    @Bean
    RouteLocator serviceRoutes(RouteLocatorBuilder builder, DownstreamServices downstream) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        downstream.services().forEach((name, service) -> {
            if (!service.paths().isEmpty()) {
                // one circuit breaker per route: a stopped service answers a fast 503 problem, not a hang
                routes.route(name, r -> r.path(service.paths().toArray(String[]::new))
                        .filters(f -> f.circuitBreaker(c -> c.setName(name)
                                .setFallbackUri("forward:" + FallbackHandlers.PATH + name)))
                        .uri(service.uri()));
            }
            // ops' query of the service's audit trail (platform/security AuditTrailHandlers, OPS only there)
            routes.route(name + "-audit", r -> r.path("/api/v1/audit/" + name)
                    .filters(f -> f.setPath("/audit-trail"))
                    .uri(service.uri()));
            routes.route(name + "-api-docs", r -> r.path(apiDocsPath(name))
                    .filters(f -> f.setPath("/v3/api-docs"))
                    .uri(service.uri()));
        });
        return routes.build();
    }

    /** One health component per downstream service under {@code services}, so ops sees the whole system in one call. */
    @Bean
    CompositeReactiveHealthContributor servicesHealthContributor(DownstreamServices downstream) {
        WebClient client = WebClient.builder().build();
        Map<String, DownstreamHealthIndicator> indicators = new LinkedHashMap<>();
        downstream.services().forEach((name, service) ->
                indicators.put(name, new DownstreamHealthIndicator(client, service.uri(), Duration.ofSeconds(2))));
        return CompositeReactiveHealthContributor.fromMap(indicators);
    }

    /** The gateway's own document first, then every service's, as served through {@link #apiDocsPath}. */
    @Bean
    SwaggerUrlsInitializer swaggerUrls(SwaggerUiConfigProperties swaggerUi, DownstreamServices downstream) {
        return new SwaggerUrlsInitializer(swaggerUi, downstream);
    }

    static final class SwaggerUrlsInitializer {
        SwaggerUrlsInitializer(SwaggerUiConfigProperties swaggerUi, DownstreamServices downstream) {
            Set<SwaggerUrl> urls = new LinkedHashSet<>();
            urls.add(new SwaggerUrl("gateway", "/v3/api-docs", "gateway 办事指南·工作日历"));
            List<String> names = new ArrayList<>(downstream.services().keySet());
            for (String name : names) {
                String title = downstream.services().get(name).title();
                urls.add(new SwaggerUrl(name, apiDocsPath(name), title == null ? name : title));
            }
            swaggerUi.setUrls(urls);
        }
    }
}
