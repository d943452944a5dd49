package org.jingban.platform.security;

import java.util.Arrays;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Enforces {@link Access} before the handler runs (and before the Idempotency-Key filter stores
 * anything): finds the annotated handler method of the request and checks the caller's roles and scopes.
 * Requests that map to no annotated method pass; Spring Security has already demanded a token for
 * every non-public path.
 */
public class AccessWebFilter implements WebFilter, Ordered {

    /** After Spring Security's chain (-100), before the Idempotency-Key filter (-50). */
    public static final int ORDER = -60;

    private final RequestMappingHandlerMapping mappings;

    public AccessWebFilter(RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (HttpMethod.OPTIONS.equals(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        return mappings.getHandler(exchange)
                .onErrorResume(e -> Mono.empty()) // 404/405/415 are the dispatcher's to answer
                .mapNotNull(handler -> handler instanceof HandlerMethod method ? access(method) : null)
                .flatMap(access -> exchange.getPrincipal()
                        .flatMap(Callers::of)
                        .switchIfEmpty(Mono.defer(() -> {
                            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            return Mono.error(Callers.unauthorized());
                        }))
                        .flatMap(caller -> permits(access, caller)
                                ? Mono.just(true)
                                : Mono.error(Authorize.forbiddenRole(access.value()))))
                .then(Mono.defer(() -> chain.filter(exchange)));
    }

    static Access access(HandlerMethod method) {
        Access onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Access.class);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Access.class);
    }

    /** The rule of {@link Access}: one of the roles, or a system client with one of the scopes. */
    public static boolean permits(Access access, Caller caller) {
        if (caller.hasAny(access.value())) {
            return true;
        }
        return caller.isSystem() && Arrays.stream(access.scopes()).anyMatch(caller::hasScope);
    }
}
