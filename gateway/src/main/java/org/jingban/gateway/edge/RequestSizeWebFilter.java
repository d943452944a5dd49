package org.jingban.gateway.edge;

import java.util.concurrent.atomic.AtomicLong;

import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.ProblemTypes;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 413 for a request body larger than the limit: at once when {@code Content-Length} says so, and while
 * streaming for a chunked body (the bytes are counted as they pass).
 */
public class RequestSizeWebFilter implements WebFilter, Ordered {

    /** Before security: no need to verify a token to refuse an oversized upload. */
    public static final int ORDER = -110;

    private final long maxBytes;

    public RequestSizeWebFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Mono.error(tooLarge());
        }
        AtomicLong seen = new AtomicLong();
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                        sink.error(tooLarge());
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private ProblemException tooLarge() {
        return new ProblemException(413, ProblemTypes.PAYLOAD_TOO_LARGE, "请求内容过大",
                "请求内容超过允许的大小（" + (maxBytes / 1024 / 1024) + " MB）");
    }
}
