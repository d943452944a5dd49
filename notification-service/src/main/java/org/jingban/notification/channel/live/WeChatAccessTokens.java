package org.jingban.notification.channel.live;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jingban.notification.NotificationProperties;
import org.jingban.notification.channel.ProviderException;
import org.jingban.notification.channel.ProviderException.Disposition;
import org.jingban.platform.messaging.EventJson;
import reactor.core.publisher.Mono;

/**
 * The mini program's access_token from {@code POST /cgi-bin/stable_token} (稳定版接口调用凭据: in normal mode every
 * instance gets the same token, so several instances do not invalidate each other's), cached in memory and fetched
 * again when less than {@code token-refresh-before} of its {@code expires_in} is left. After WeChat calls a token
 * invalid (40001/42001/40014) the sender asks again; if WeChat hands back the same token it forces a new one
 * ({@code force_refresh: true}, which WeChat allows 20 times a day).
 */
public class WeChatAccessTokens {

    /** Credentials or whitelist wrong: no retry helps. */
    static final Set<Integer> DEAD = Set.of(40013, 40125, 40164, 41002, 41004, 40002);

    private final ProviderHttp http;
    private final NotificationProperties.WeChat settings;
    private final Clock clock;
    private volatile Token current;

    record Token(String value, Instant expiresAt) {
    }

    public WeChatAccessTokens(ProviderHttp http, NotificationProperties.WeChat settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    /** A token with more than {@code token-refresh-before} left, fetched when the cached one has less. */
    public Mono<String> token() {
        return Mono.defer(() -> {
            Token t = current;
            if (t != null && clock.instant().plus(settings.getTokenRefreshBefore()).isBefore(t.expiresAt())) {
                return Mono.just(t.value());
            }
            return fetch(false);
        });
    }

    /** WeChat refused {@code rejected}: a fresh token, forced when WeChat would hand back the same one. */
    public Mono<String> renewAfterRejection(String rejected) {
        return fetch(false).flatMap(token -> token.equals(rejected) ? fetch(true) : Mono.just(token));
    }

    Mono<String> fetch(boolean force) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grant_type", "client_credential");
        body.put("appid", settings.getAppId());
        body.put("secret", settings.getAppSecret());
        body.put("force_refresh", force);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.getApiBase() + "/cgi-bin/stable_token"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.write(body), StandardCharsets.UTF_8));
        Instant asked = clock.instant();
        return http.send("wechat-subscribe", request, true).map(response -> {
            Map<?, ?> answer = AliyunSmsClient.readOrNull(response.body());
            if (answer != null && answer.get("access_token") instanceof String token && !token.isBlank()) {
                long seconds = answer.get("expires_in") instanceof Number n ? n.longValue() : 7200;
                current = new Token(token, asked.plus(Duration.ofSeconds(seconds)));
                return token;
            }
            int errcode = answer != null && answer.get("errcode") instanceof Number n ? n.intValue() : -1;
            String errmsg = answer == null ? "HTTP " + response.statusCode() : String.valueOf(answer.get("errmsg"));
            throw new ProviderException("wechat-subscribe", "token-" + errcode,
                    DEAD.contains(errcode) ? Disposition.DEAD : Disposition.RETRY, "获取 access_token 失败: " + errmsg);
        });
    }

    /** Forgets the cached token (WeChat said it is no longer valid). */
    void forget(String token) {
        Token t = current;
        if (t != null && t.value().equals(token)) {
            current = null;
        }
    }
}
