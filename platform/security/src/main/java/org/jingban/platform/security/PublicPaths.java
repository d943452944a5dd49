package org.jingban.platform.security;

import java.util.List;

/**
 * Paths an application serves without a token, as a bean; added to the defaults and to
 * {@code jingban.security.public-paths}. Each entry is {@code "/pattern/**"} (any method) or
 * {@code "GET /pattern/**"}.
 */
public record PublicPaths(List<String> patterns) {

    public PublicPaths {
        patterns = List.copyOf(patterns);
    }

    public static PublicPaths of(String... patterns) {
        return new PublicPaths(List.of(patterns));
    }

    /** What every Jingban application serves publicly: 办事指南, 工作日历, health, metrics, API docs. */
    public static final List<String> DEFAULTS = List.of(
            "GET /api/v1/catalog/**",
            "GET /api/v1/calendar/**",
            "GET /actuator/health",
            "GET /actuator/health/**",
            "GET /actuator/prometheus",
            "GET /v3/api-docs",
            "GET /v3/api-docs/**",
            "GET /api-docs/**",
            "GET /swagger-ui.html",
            "GET /swagger-ui/**",
            "GET /webjars/**");
}
