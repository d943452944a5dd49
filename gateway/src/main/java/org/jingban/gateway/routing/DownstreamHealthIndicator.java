package org.jingban.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** A downstream service's health as the gateway sees it: its own {@code /actuator/health}, within a short timeout. */
final class DownstreamHealthIndicator implements ReactiveHealthIndicator {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private final WebClient client;
    private final URI uri;
    private final Duration timeout;

    DownstreamHealthIndicator(WebClient client, URI uri, Duration timeout) {
        this.client = client;
        this.uri = uri;
        this.timeout = timeout;
    }

    @Override
    public Mono<Health> health() {
        // A DOWN service answers 503 with a body; read the body either way.
        return client.get().uri(uri.resolve("/actuator/health"))
                .exchangeToMono(response -> response.bodyToMono(JSON).defaultIfEmpty(Map.of())
                        .map(body -> {
                            Object status = body.getOrDefault("status", "UNKNOWN");
                            Health.Builder health = "UP".equals(status) ? Health.up() : Health.down();
                            return health.withDetail("uri", uri.toString()).withDetail("status", status).build();
                        }))
                .timeout(timeout)
                .onErrorResume(e -> Mono.just(Health.down()
                        .withDetail("uri", uri.toString())
                        .withDetail("error", "无法连接：" + e.getClass().getSimpleName())
                        .build()));
    }
}
