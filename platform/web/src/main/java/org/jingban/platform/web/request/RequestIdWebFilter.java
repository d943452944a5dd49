package org.jingban.platform.web.request;

import java.util.UUID;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Takes the caller's {@code X-Request-Id} (or makes a UUID), echoes it in the response, forwards it in
 * the request headers (so the gateway passes it to services), and stores it as an exchange attribute
 * and in the Reactor context. See {@link RequestIds} for the MDC approach.
 */
public class RequestIdWebFilter implements WebFilter, Ordered {

    /** First of all, so that every later filter, handler and problem sees the id. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String offered = exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER);
        String id = RequestIds.isAcceptable(offered) ? offered : UUID.randomUUID().toString();
        exchange.getResponse().getHeaders().set(RequestIds.HEADER, id);
        ServerWebExchange withId = id.equals(offered)
                ? exchange
                : exchange.mutate().request(r -> r.headers(h -> h.set(RequestIds.HEADER, id))).build();
        withId.getAttributes().put(RequestIds.ATTRIBUTE, id);
        return chain.filter(withId).contextWrite(ctx -> ctx.put(RequestIds.CONTEXT_KEY, id));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
