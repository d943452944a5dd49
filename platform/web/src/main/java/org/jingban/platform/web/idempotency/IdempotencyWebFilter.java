package org.jingban.platform.web.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.jingban.platform.identifiers.Masking;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.ProblemExceptionHandler;
import org.jingban.platform.web.problem.ProblemTypes;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code Idempotency-Key} on POST: a retried request gets the first answer instead of a second case,
 * a second payment. Requests without the header pass untouched.
 *
 * <ul>
 *   <li>first request: the key is taken (insert with a unique id), the handler runs, its response
 *       (status, content type, Location, body) is stored; a 5xx or an error releases the key so a
 *       retry runs again;</li>
 *   <li>same key, same body: the stored response again, with {@code Idempotency-Replayed: true};</li>
 *   <li>same key, other body: 422 {@value ProblemTypes#IDEMPOTENCY_KEY_REUSED};</li>
 *   <li>same key while the first is still running: 409 {@value ProblemTypes#REQUEST_IN_PROGRESS}.</li>
 * </ul>
 * The key is scoped to the caller (principal name, else a hash of the Authorization header), the
 * method and the path, so two callers cannot see each other's answers.
 */
public class IdempotencyWebFilter implements WebFilter, Ordered {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    public static final int MAX_KEY_LENGTH = 255;
    /**
     * After Spring Security's filter chain (order -100), so the principal is known, and before
     * everything else of ours but the request id and access log.
     */
    public static final int ORDER = -50;

    private final IdempotencyStore store;
    private final ProblemExceptionHandler problems;
    private final ServerCodecConfigurer codecs;
    private final int maxBodyBytes;
    private final Duration inProgressTimeout;

    /**
     * @param codecs       the application's codecs, to parse form and multipart bodies again
     * @param maxBodyBytes larger requests get 413; larger responses are not remembered
     * @param inProgressTimeout after this, a record still in progress is taken as abandoned
     */
    public IdempotencyWebFilter(IdempotencyStore store, ProblemExceptionHandler problems,
                                ServerCodecConfigurer codecs, int maxBodyBytes, Duration inProgressTimeout) {
        this.inProgressTimeout = inProgressTimeout;
        this.store = store;
        this.problems = problems;
        this.codecs = codecs;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String key = request.getHeaders().getFirst(HEADER);
        if (request.getMethod() != HttpMethod.POST || key == null) {
            return chain.filter(exchange);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return Mono.error(ProblemException.badRequest(
                    "Idempotency-Key 不能为空且不能超过" + MAX_KEY_LENGTH + "个字符"));
        }
        return exchange.getPrincipal()
                .map(Principal::getName)
                .map(name -> "principal:" + name)
                .defaultIfEmpty(callerWithoutPrincipal(request))
                .flatMap(caller -> DataBufferUtils.join(request.getBody(), maxBodyBytes)
                        .map(IdempotencyWebFilter::drain)
                        .defaultIfEmpty(new byte[0])
                        .flatMap(body -> {
                            String path = request.getPath().value();
                            String id = sha256Hex(String.join("\n", caller, request.getMethod().name(), path, key)
                                    .getBytes(StandardCharsets.UTF_8));
                            Attempt attempt = new Attempt(id, key, Masking.maskText(path),
                                    sha256Hex(comparable(request, body)), body);
                            return take(exchange, chain, attempt, true);
                        }));
    }

    private Mono<Void> take(ServerWebExchange exchange, WebFilterChain chain, Attempt attempt, boolean mayRetry) {
        return store.begin(attempt.id(), attempt.key(), exchange.getRequest().getMethod().name(), attempt.maskedPath(),
                        attempt.requestHash())
                .flatMap(taken -> taken
                        ? runAndRemember(exchange, chain, attempt)
                        : answerFromRecord(exchange, chain, attempt, mayRetry));
    }

    private Mono<Void> answerFromRecord(ServerWebExchange exchange, WebFilterChain chain, Attempt attempt,
                                        boolean mayRetry) {
        Mono<Void> again = mayRetry ? Mono.defer(() -> take(exchange, chain, attempt, false)) : Mono.error(inProgress());
        return store.find(attempt.id())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> {
                    if (found.isEmpty()) {
                        // released between our insert and our read: try once more
                        return again;
                    }
                    IdempotencyRecord record = found.get();
                    Instant now = Instant.now();
                    if (record.createdAt().plus(store.ttl()).isBefore(now)
                            || !record.completed() && record.createdAt().plus(inProgressTimeout).isBefore(now)) {
                        // expired but not yet swept by the TTL monitor (it runs once a minute),
                        // or left in progress by an instance that died
                        return store.releaseStale(record).then(again);
                    }
                    if (!record.requestHash().equals(attempt.requestHash())) {
                        return Mono.<Void>error(new ProblemException(422, ProblemTypes.IDEMPOTENCY_KEY_REUSED,
                                "幂等键已被使用",
                                "该 Idempotency-Key 已用于内容不同的请求；新的请求请使用新的 Idempotency-Key"));
                    }
                    if (!record.completed()) {
                        return Mono.<Void>error(inProgress());
                    }
                    return replay(exchange.getResponse(), record.response());
                });
    }

    private static ProblemException inProgress() {
        return new ProblemException(409, ProblemTypes.REQUEST_IN_PROGRESS, "请求正在处理中",
                "相同的请求正在处理中，请稍后重试");
    }

    private Mono<Void> runAndRemember(ServerWebExchange exchange, WebFilterChain chain, Attempt attempt) {
        CapturingResponse response = new CapturingResponse(exchange.getResponse(), captured -> settle(attempt, captured));
        ServerWebExchange capturing = new ReplayedExchange(exchange,
                new ReplayedBodyRequest(exchange.getRequest(), attempt.body()), response, codecs);
        return chain.filter(capturing)
                // render errors here, through the capturing response, so that a 4xx problem is remembered too
                .onErrorResume(e -> !ProblemExceptionHandler.isSecurityException(e), e -> problems.handle(capturing, e))
                // nothing written (or streamed): nothing to replay
                .then(Mono.defer(() -> response.settled ? Mono.<Void>empty() : store.release(attempt.id())))
                .onErrorResume(e -> store.release(attempt.id()).then(Mono.error(e)))
                .doOnCancel(() -> store.release(attempt.id()).subscribe());
    }

    /**
     * Remembers the response (or releases the key for a 5xx) before it is sent, so that a retry
     * arriving right after the answer finds the key settled rather than still in progress.
     */
    private Mono<Void> settle(Attempt attempt, CapturingResponse response) {
        HttpStatusCode status = response.getStatusCode();
        int code = status == null ? 200 : status.value();
        byte[] written = response.body;
        if (code >= 500 || written == null || written.length > maxBodyBytes) {
            return store.release(attempt.id());
        }
        HttpHeaders headers = response.getHeaders();
        MediaType contentType = headers.getContentType();
        return store.complete(attempt.id(), new IdempotencyRecord.StoredResponse(code,
                        contentType == null ? null : contentType.toString(),
                        headers.getFirst(HttpHeaders.LOCATION), written))
                // if it cannot be remembered, let a retry run rather than block the key until it expires
                .onErrorResume(e -> store.release(attempt.id()).onErrorComplete());
    }

    private static Mono<Void> replay(ServerHttpResponse response, IdempotencyRecord.StoredResponse stored) {
        response.setStatusCode(HttpStatusCode.valueOf(stored.status()));
        HttpHeaders headers = response.getHeaders();
        if (stored.contentType() != null) {
            headers.setContentType(MediaType.parseMediaType(stored.contentType()));
        }
        if (stored.location() != null) {
            headers.set(HttpHeaders.LOCATION, stored.location());
        }
        headers.set(REPLAYED_HEADER, "true");
        if (stored.body().length == 0) {
            return response.setComplete();
        }
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(stored.body())));
    }

    private static String callerWithoutPrincipal(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization == null
                ? "anonymous"
                : "authorization:" + sha256Hex(authorization.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] drain(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /**
     * The body as compared between retries. A multipart body's boundary is chosen anew by the client
     * on every send, so it is replaced by a constant: a retried upload is still the same request.
     */
    private static byte[] comparable(ServerHttpRequest request, byte[] body) {
        MediaType contentType = request.getHeaders().getContentType();
        String boundary = contentType == null || !"multipart".equalsIgnoreCase(contentType.getType())
                ? null : contentType.getParameter("boundary");
        if (boundary == null || boundary.isEmpty()) {
            return body;
        }
        if (boundary.length() > 1 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
            boundary = boundary.substring(1, boundary.length() - 1);
        }
        // ISO-8859-1 maps each byte to one char and back, so this is a byte-wise replace
        return new String(body, StandardCharsets.ISO_8859_1)
                .replace(boundary, "jingban-boundary")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private record Attempt(String id, String key, String maskedPath, String requestHash, byte[] body) {
    }

    /** The body was read to hash it; the handler reads it again from here. */
    private static final class ReplayedBodyRequest extends ServerHttpRequestDecorator {
        private final byte[] body;

        ReplayedBodyRequest(ServerHttpRequest delegate, byte[] body) {
            super(delegate);
            this.body = body;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return body.length == 0 ? Flux.empty()
                    : Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
        }
    }

    /**
     * Keeps a copy of the bytes written and settles the key before passing them on.
     * A streamed response is not remembered.
     */
    private static final class CapturingResponse extends ServerHttpResponseDecorator {
        private final java.util.function.Function<CapturingResponse, Mono<Void>> settle;
        private byte[] body;
        private boolean settled;

        CapturingResponse(ServerHttpResponse delegate, java.util.function.Function<CapturingResponse, Mono<Void>> settle) {
            super(delegate);
            this.settle = settle;
        }

        private Mono<Void> settleWith(byte[] written) {
            if (settled) {
                return Mono.empty();
            }
            settled = true;
            body = written;
            return settle.apply(this);
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> content) {
            return DataBufferUtils.join(Flux.from(content))
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(maybeJoined -> {
                        if (maybeJoined.isEmpty()) {
                            return settleWith(new byte[0]).then(Mono.defer(() -> super.writeWith(Flux.empty())));
                        }
                        DataBuffer joined = maybeJoined.get();
                        byte[] copy = new byte[joined.readableByteCount()];
                        int position = joined.readPosition();
                        joined.read(copy);
                        joined.readPosition(position);
                        return settleWith(copy)
                                .doOnError(e -> DataBufferUtils.release(joined))
                                .then(Mono.defer(() -> super.writeWith(Mono.just(joined))));
                    });
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> content) {
            return settleWith(null).then(Mono.defer(() -> super.writeAndFlushWith(content)));
        }

        @Override
        public Mono<Void> setComplete() {
            // deferred: setComplete() starts committing as soon as it is called
            return settleWith(new byte[0]).then(Mono.defer(super::setComplete));
        }
    }
}
