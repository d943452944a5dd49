package org.jingban.notification.web;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The one place the handlers learn who calls (see {@link Requester}). */
public interface RequesterResolver {

    /** The caller, or an error carrying a 401 problem when the request is not authenticated. */
    Mono<Requester> resolve(ServerWebExchange exchange);
}
