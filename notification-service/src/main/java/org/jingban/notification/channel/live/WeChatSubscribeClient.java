package org.jingban.notification.channel.live;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.jingban.notification.NotificationProperties;
import org.jingban.notification.channel.OutgoingMessage;
import org.jingban.notification.channel.ProviderException;
import org.jingban.notification.channel.ProviderException.Disposition;
import org.jingban.notification.channel.ProviderRequest;
import org.jingban.platform.messaging.EventJson;
import reactor.core.publisher.Mono;

/**
 * WeChat {@code subscribeMessage.send}: {@code POST /cgi-bin/message/subscribe/send?access_token=…} with the JSON body
 * of {@link org.jingban.notification.channel.WeChatSubscribeChannel}; {@code errcode 0} is sent ({@code msgid}).
 * A rejected token (40001 invalid, 42001 expired, 40014 not valid) is renewed and the message sent once more — WeChat
 * did not take it, so that is no second message.
 */
public class WeChatSubscribeClient implements ProviderClient {

    static final Set<Integer> TOKEN_REJECTED = Set.of(40001, 42001, 40014);
    /** 用户未订阅或拒收 (43101), openid 无效 (40003): the next channel. */
    static final Set<Integer> NEXT_CHANNEL = Set.of(43101, 40003);
    /** Template, page, data or AppID wrong: a dead letter. */
    static final Set<Integer> DEAD = Set.of(40037, 47003, 41030, 40013, 40125, 40036, 41028, 41029, 47001);
    /** Quotas and limits (45009 接口调用超过限额, 45011 频率限制, 45047, -1 系统繁忙): again after the backoff. */
    static final Set<Integer> THROTTLED = Set.of(45009, 45011, 45047, -1);

    private final ProviderHttp http;
    private final NotificationProperties.WeChat settings;
    private final WeChatAccessTokens tokens;

    public WeChatSubscribeClient(ProviderHttp http, NotificationProperties.WeChat settings, WeChatAccessTokens tokens) {
        if (blank(settings.getAppId()) || blank(settings.getAppSecret())) {
            throw new IllegalStateException("微信渠道已设为 live，但未配置 jingban.notification.wechat.app-id / "
                    + "app-secret（应来自密钥库）");
        }
        this.http = http;
        this.settings = settings;
        this.tokens = tokens;
    }

    @Override
    public String provider() {
        return "wechat-subscribe";
    }

    @Override
    public Mono<String> send(ProviderRequest request, OutgoingMessage message) {
        String body = EventJson.write(request.body());
        return tokens.token().flatMap(token -> post(body, token).flatMap(answer -> {
            if (TOKEN_REJECTED.contains(answer.errcode())) {
                tokens.forget(token);
                return tokens.renewAfterRejection(token).flatMap(fresh -> post(body, fresh)).map(this::result);
            }
            return Mono.just(result(answer));
        }));
    }

    record Answer(int errcode, String errmsg, String msgid, int status) {
    }

    private Mono<Answer> post(String body, String token) {
        URI uri = URI.create(settings.getApiBase() + "/cgi-bin/message/subscribe/send?access_token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(provider(), request, false).map(WeChatSubscribeClient::answer);
    }

    static Answer answer(HttpResponse<String> response) {
        Map<?, ?> json = AliyunSmsClient.readOrNull(response.body());
        if (json == null || !(json.get("errcode") instanceof Number code)) {
            return new Answer(Integer.MIN_VALUE, "HTTP " + response.statusCode(), null, response.statusCode());
        }
        Object msgid = json.get("msgid");
        return new Answer(code.intValue(), String.valueOf(json.get("errmsg")), msgid == null ? null : msgid.toString(),
                response.statusCode());
    }

    private String result(Answer answer) {
        if (answer.errcode() == 0) {
            return answer.msgid() == null ? "" : answer.msgid();
        }
        throw new ProviderException(provider(), answer.errcode() == Integer.MIN_VALUE ? "HTTP-" + answer.status()
                : String.valueOf(answer.errcode()), disposition(answer), answer.errmsg());
    }

    static Disposition disposition(Answer answer) {
        int code = answer.errcode();
        if (code == Integer.MIN_VALUE) {
            return answer.status() == 429 || answer.status() == 503 ? Disposition.RETRY : Disposition.UNKNOWN;
        }
        if (NEXT_CHANNEL.contains(code)) {
            return Disposition.NEXT_CHANNEL;
        }
        if (DEAD.contains(code)) {
            return Disposition.DEAD;
        }
        return Disposition.RETRY; // THROTTLED, a token still refused after renewal, and codes not listed
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
