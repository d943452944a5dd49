package org.jingban.platform.web.accesslog;

import org.jingban.platform.identifiers.Masking;
import org.jingban.platform.web.problem.ProblemExceptionHandler;
import org.jingban.platform.web.request.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * One line per request on the logger {@code jingban.access}: method, path and query (personal data
 * masked), status, duration in ms, request id. Bodies are never logged.
 *
 * <p>Errors are rendered as problems here (by the same {@link ProblemExceptionHandler} that handles the
 * rest) so that the line shows the status the client actually received.
 */
public class AccessLogWebFilter implements WebFilter, Ordered {

    public static final String LOGGER = "jingban.access";
    /** Right after the request id filter: it times everything else. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private final ProblemExceptionHandler problems;

    public AccessLogWebFilter(ProblemExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!log.isInfoEnabled()) {
            return chain.filter(exchange);
        }
        long started = System.nanoTime();
        return chain.filter(exchange)
                .onErrorResume(ex -> problems.handle(exchange, ex))
                .doFinally(signal -> log(exchange, signal == SignalType.CANCEL,
                        (System.nanoTime() - started) / 1_000_000));
    }

    private static void log(ServerWebExchange exchange, boolean cancelled, long millis) {
        ServerHttpRequest request = exchange.getRequest();
        String target = request.getURI().getRawPath();
        String query = request.getURI().getRawQuery();
        if (query != null) {
            target = target + "?" + query;
        }
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        String requestId = RequestIds.of(exchange).orElse("-");
        try (var ignored = RequestIds.mdc(exchange)) {
            log.info("{} {} {} {}ms requestId={}", request.getMethod(), Masking.maskText(target),
                    cancelled ? "cancelled" : status == null ? "200" : String.valueOf(status.value()), millis,
                    requestId);
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
