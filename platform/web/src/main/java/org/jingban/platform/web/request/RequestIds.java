package org.jingban.platform.web.request;

import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;
import reactor.util.context.ContextView;

/**
 * Where the request id lives. Reactive code hops threads, so a thread-local MDC set once in a filter
 * would leak into other requests' log lines. The id is therefore carried in three places:
 * the exchange attribute {@link #ATTRIBUTE} (for filters and exception handlers), the Reactor context
 * key {@link #CONTEXT_KEY} (for any operator downstream), and the SLF4J MDC key {@link #MDC_KEY}
 * only around a log statement, via {@link #mdc(ContextView)} or {@link #mdc(ServerWebExchange)}:
 *
 * <pre>{@code
 * Mono.deferContextual(ctx -> {
 *     try (var ignored = RequestIds.mdc(ctx)) {
 *         log.info("收件登记 {}", caseNo);
 *     }
 *     return ...;
 * });
 * }</pre>
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = RequestIds.class.getName() + ".requestId";
    public static final String CONTEXT_KEY = "jingban.requestId";
    public static final String MDC_KEY = "requestId";

    /** What we accept from callers: short and harmless in a log line (no CR/LF, no spaces). */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    public static boolean isAcceptable(String candidate) {
        return candidate != null && ACCEPTABLE.matcher(candidate).matches();
    }

    /** The id of this exchange, if the request id filter has run. */
    public static Optional<String> of(ServerWebExchange exchange) {
        Object id = exchange.getAttribute(ATTRIBUTE);
        return id instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The id carried in the Reactor context, if any. */
    public static Optional<String> of(ContextView context) {
        return context.getOrEmpty(CONTEXT_KEY).map(Object::toString);
    }

    /** Puts the id into the MDC until the returned handle is closed; a no-op handle if there is none. */
    public static MdcHandle mdc(ContextView context) {
        return put(of(context));
    }

    /** Puts the id into the MDC until the returned handle is closed; a no-op handle if there is none. */
    public static MdcHandle mdc(ServerWebExchange exchange) {
        return put(of(exchange));
    }

    private static MdcHandle put(Optional<String> id) {
        if (id.isEmpty()) {
            return () -> { };
        }
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id.get());
        return () -> {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        };
    }

    /** An {@link AutoCloseable} that throws nothing, so try-with-resources needs no catch. */
    @FunctionalInterface
    public interface MdcHandle extends AutoCloseable {
        @Override
        void close();
    }
}
