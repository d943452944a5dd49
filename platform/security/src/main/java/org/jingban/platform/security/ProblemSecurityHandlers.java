package org.jingban.platform.security;

import java.util.List;
import java.util.Map;

import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.ProblemExceptionHandler;
import org.jingban.platform.web.problem.ProblemTypes;
import org.jingban.platform.web.problem.Violation;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 and 403 from Spring Security as RFC 9457 problems, like every other error of Jingban. */
public class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler,
        ServerExchangeRejectedHandler {

    private final ProblemExceptionHandler problems;

    public ProblemSecurityHandlers(ProblemExceptionHandler problems) {
        this.problems = problems;
    }

    /** 401: no token, or an invalid or expired one. */
    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        boolean badToken = ex instanceof InvalidBearerTokenException
                || ex.getClass().getSimpleName().contains("OAuth2");
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        ProblemException problem = Callers.unauthorized();
        if (badToken) {
            problem = new ProblemException(401, problem.type(), problem.title(), "登录凭证无效或已过期，请重新登录");
        }
        return problems.handle(exchange, problem);
    }

    /** 403: authenticated, but not allowed here. */
    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.handle(exchange, ProblemException.forbidden("您无权访问该功能"));
    }

    /**
     * 400: the firewall refused the request before any handler (an encoded path separator or {@code ..}, a control
     * character): a problem like every other 4xx, not a bare status.
     */
    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return problems.handle(exchange, new ProblemException(400, ProblemTypes.BAD_REQUEST, "请求有误",
                "请求地址含有不允许的内容（如编码的路径分隔符、“..”或控制字符），请检查后重新提交",
                List.of(new Violation("请求地址", "rejected-path", "请求地址含有不允许的内容")), Map.of()));
    }
}
