package org.jingban.platform.security;

import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.ProblemTypes;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

/**
 * The current {@link Caller} from the reactive security context, for functional routes and any code
 * below a handler: {@code Callers.current().flatMap(caller -> ...)}. In an annotated handler, declare a
 * {@code Caller caller} parameter instead.
 */
public final class Callers {

    private Callers() {
    }

    /** The caller of this request; 401 problem if the request carries no valid token. */
    public static Mono<Caller> current() {
        return optional().switchIfEmpty(Mono.error(Callers::unauthorized));
    }

    /** The caller of this request, or empty on a public path called without a token. */
    public static Mono<Caller> optional() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .flatMap(Callers::of);
    }

    static Mono<Caller> of(java.security.Principal authentication) {
        return authentication instanceof CallerAuthentication ca ? Mono.just(ca.caller()) : Mono.empty();
    }

    /** The 401 problem. */
    public static ProblemException unauthorized() {
        return new ProblemException(401, ProblemTypes.UNAUTHORIZED, "未登录或登录已失效", "请登录后再试");
    }
}
