package org.jingban.notification.channel.live;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import org.jingban.notification.NotificationProperties;
import org.jingban.notification.channel.ProviderException;
import org.jingban.notification.channel.ProviderException.Disposition;
import reactor.core.publisher.Mono;

/**
 * The JDK HTTP client with the configured connect and request timeouts. A request that never left (no connection)
 * may be sent again; one that left without an answer has an unknown outcome unless it is idempotent (a token fetch).
 */
public final class ProviderHttp {

    private final HttpClient client;
    private final Duration requestTimeout;

    public ProviderHttp(NotificationProperties.Http settings) {
        this.client = HttpClient.newBuilder().connectTimeout(settings.getConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = settings.getRequestTimeout();
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * @param idempotent whether sending it twice is harmless (then a timeout is a plain retry)
     */
    public Mono<HttpResponse<String>> send(String provider, HttpRequest.Builder request, boolean idempotent) {
        HttpRequest built = request.timeout(requestTimeout).build();
        return Mono.fromFuture(() -> client.sendAsync(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)))
                .onErrorMap(e -> !(e instanceof ProviderException), e -> classify(provider, unwrap(e), idempotent));
    }

    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static ProviderException classify(String provider, Throwable e, boolean idempotent) {
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException) {
            return new ProviderException(provider, "connect-failed", Disposition.RETRY, "无法连接服务商（请求未发出）", e);
        }
        Disposition unsure = idempotent ? Disposition.RETRY : Disposition.UNKNOWN;
        if (e instanceof HttpTimeoutException) {
            return new ProviderException(provider, "timeout", unsure, "服务商在时限内未应答，发送结果未知", e);
        }
        if (e instanceof IOException) {
            return new ProviderException(provider, "io-error", unsure, "与服务商的连接中断，发送结果未知: " + e.getClass().getSimpleName(), e);
        }
        return new ProviderException(provider, "client-error", unsure, "调用服务商失败: " + e, e);
    }
}
