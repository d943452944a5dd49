package org.jingban.notification.web;

import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.ProblemTypes;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Until platform/security is adopted: nobody is authenticated, every protected endpoint answers 401.
 * TODO(security): replace with a resolver built on platform/security's caller model (see docs/adr/notification.md).
 */
public class PendingSecurityRequesterResolver implements RequesterResolver {

    @Override
    public Mono<Requester> resolve(ServerWebExchange exchange) {
        return Mono.error(new ProblemException(401, ProblemTypes.UNAUTHORIZED, "未认证",
                "请先登录：本服务的身份认证尚未接入"));
    }
}
