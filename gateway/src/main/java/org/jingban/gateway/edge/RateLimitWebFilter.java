package org.jingban.gateway.edge;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.jingban.platform.security.CallerAuthentication;
import org.jingban.platform.web.problem.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Rate limit per client and per route: each (client, route) pair has its own {@link TokenBucket}. The
 * client is the token's {@code client_id} (a portal or mini-program back end), else its subject, else the
 * remote address (public paths without a token). The route is the first configured pattern that matches,
 * else the service area {@code /api/v1/<area>}. Beyond the limit: 429 problem with {@code Retry-After}.
 */
public class RateLimitWebFilter implements WebFilter, Ordered {

    public static final String TOO_MANY_REQUESTS = org.jingban.platform.web.problem.ProblemTypes.TOO_MANY_REQUESTS;
    /** After Spring Security (-100), so the caller is known; before the services' work. */
    public static final int ORDER = -90;
    private static final int MAX_BUCKETS = 100_000;

    private final EdgeProperties.RateLimit config;
    private final Map<PathPattern, EdgeProperties.Limit> routes = new java.util.LinkedHashMap<>();
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public RateLimitWebFilter(EdgeProperties.RateLimit config, LongSupplier nanoTime) {
        this.config = config;
        this.nanoTime = nanoTime;
        config.routes().forEach((pattern, limit) -> routes.put(PathPatternParser.defaultInstance.parse(pattern), limit));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal()
                .map(RateLimitWebFilter::clientOf)
                .defaultIfEmpty("ip:" + remoteAddress(exchange))
                .flatMap(client -> {
                    PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
                    String route = null;
                    EdgeProperties.Limit limit = config.defaults();
                    for (Map.Entry<PathPattern, EdgeProperties.Limit> entry : routes.entrySet()) {
                        if (entry.getKey().matches(path)) {
                            route = entry.getKey().getPatternString();
                            limit = entry.getValue();
                            break;
                        }
                    }
                    if (route == null) {
                        route = area(path.value());
                    }
                    EdgeProperties.Limit chosen = limit;
                    long now = nanoTime.getAsLong();
                    if (buckets.size() > MAX_BUCKETS) {
                        buckets.values().removeIf(bucket -> bucket.isFull(now));
                    }
                    long waitNanos = buckets.computeIfAbsent(client + " " + route,
                            k -> new TokenBucket(chosen.capacity(), chosen.refillPerSecond(), now)).take(now);
                    if (waitNanos == 0) {
                        return chain.filter(exchange);
                    }
                    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos) + 1);
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                    return Mono.error(new ProblemException(429, TOO_MANY_REQUESTS, "请求过于频繁",
                            "请求过于频繁，请" + seconds + "秒后再试"));
                });
    }

    private static String clientOf(java.security.Principal principal) {
        if (principal instanceof CallerAuthentication authentication) {
            String clientId = authentication.caller().clientId();
            return clientId != null ? "client:" + clientId : "sub:" + authentication.caller().subject();
        }
        return "sub:" + principal.getName();
    }

    private static String remoteAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    /** {@code /api/v1/transfer/x/y} → {@code /api/v1/transfer}; other paths by their first segment. */
    static String area(String path) {
        String[] segments = path.split("/");
        if (segments.length > 3 && "api".equals(segments[1])) {
            return "/" + segments[1] + "/" + segments[2] + "/" + segments[3];
        }
        return segments.length > 1 ? "/" + segments[1] : "/";
    }
}
