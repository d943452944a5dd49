package org.jingban.gateway.edge;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code jingban.gateway.edge.*}: what the gateway refuses before a service sees it.
 *
 * @param rateLimit      token buckets per client and route
 * @param maxRequestSize the largest request body accepted (413 beyond)
 * @param corsOrigins    the portal's and mini-program back ends' browser origins allowed by CORS
 * @param circuitBreaker per-route circuit breakers
 */
@ConfigurationProperties("jingban.gateway.edge")
public record EdgeProperties(RateLimit rateLimit, DataSize maxRequestSize, List<String> corsOrigins,
                             CircuitBreaker circuitBreaker) {

    public EdgeProperties {
        rateLimit = rateLimit == null ? new RateLimit(null, null) : rateLimit;
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(20) : maxRequestSize;
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        circuitBreaker = circuitBreaker == null ? new CircuitBreaker(null, null, null, null) : circuitBreaker;
    }

    /**
     * @param defaults the bucket each client gets on each route
     * @param routes   by path pattern (e.g. {@code /api/v1/settlement/**}): a different bucket for that route
     */
    public record RateLimit(Limit defaults, Map<String, Limit> routes) {
        public RateLimit {
            defaults = defaults == null ? new Limit(60, 10) : defaults;
            routes = routes == null ? Map.of() : new LinkedHashMap<>(routes);
        }
    }

    /**
     * @param capacity        burst size
     * @param refillPerSecond tokens added per second (may be fractional)
     */
    public record Limit(int capacity, double refillPerSecond) {
    }

    /**
     * @param failureRateThreshold percent of failed calls that opens the breaker
     * @param minimumCalls         calls in the window before the rate is judged
     * @param openFor              how long an open breaker answers 503 at once before trying again
     * @param callTimeout          the longest a routed call may take (then 504)
     */
    public record CircuitBreaker(Float failureRateThreshold, Integer minimumCalls, Duration openFor,
                                 Duration callTimeout) {
        public CircuitBreaker {
            failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
            minimumCalls = minimumCalls == null ? 5 : minimumCalls;
            openFor = openFor == null ? Duration.ofSeconds(10) : openFor;
            callTimeout = callTimeout == null ? Duration.ofSeconds(30) : callTimeout;
        }
    }
}
