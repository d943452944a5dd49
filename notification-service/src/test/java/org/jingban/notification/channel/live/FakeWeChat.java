package org.jingban.notification.channel.live;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jingban.platform.messaging.EventJson;

/**
 * The WeChat server API as documented: {@code POST /cgi-bin/stable_token} ({@code grant_type=client_credential},
 * {@code appid}, {@code secret}, {@code force_refresh}; normal mode hands back the current token while it is valid,
 * forced mode replaces it) and {@code POST /cgi-bin/message/subscribe/send?access_token=} (40001 for a token it does
 * not know or revoked, 42001 for an expired one; the body's {@code touser}, {@code template_id}, {@code data} with a
 * string {@code value} per keyword — {@code thing} at most 20 characters, {@code phrase} at most 5 — and
 * {@code miniprogram_state} one of developer/trial/formal). Scripted errcodes per openid (43101, 45009 …).
 */
final class FakeWeChat extends FakeProvider {

    static final String APP_ID = "wx-test-app";
    final String secret = "wx-secret-" + UUID.randomUUID();
    final AtomicInteger tokenCalls = new AtomicInteger();
    final AtomicInteger forcedRefreshes = new AtomicInteger();
    private volatile String current;
    private final Set<String> expired = ConcurrentHashMap.newKeySet();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    /** The bodies of the messages taken. */
    final List<Map<?, ?>> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The current token is past its expires_in (the next normal stable_token call gives a new one). */
    void expireCurrentToken() {
        expired.add(current);
        current = null;
    }

    /** The current token is refused by the send API, but normal-mode stable_token still returns it. */
    void revokeCurrentTokenKeepingItIssued() {
        revoked.add(current);
    }

    String currentToken() {
        return current;
    }

    @Override
    Answer answer(String method, String path, String query, String body) {
        if ("POST".equals(method) && "/cgi-bin/stable_token".equals(path)) {
            return token(body);
        }
        if ("POST".equals(method) && "/cgi-bin/message/subscribe/send".equals(path)) {
            return send(form(query).get("access_token"), body);
        }
        return err(404, 44002, "not found " + method + " " + path);
    }

    private synchronized Answer token(String body) {
        tokenCalls.incrementAndGet();
        Map<?, ?> request = EventJson.read(body, Map.class);
        if (!"client_credential".equals(request.get("grant_type"))) {
            return err(200, 40002, "invalid grant_type");
        }
        if (!APP_ID.equals(request.get("appid"))) {
            return err(200, 40013, "invalid appid");
        }
        if (!secret.equals(request.get("secret"))) {
            return err(200, 40125, "invalid appsecret");
        }
        boolean force = Boolean.TRUE.equals(request.get("force_refresh"));
        if (force) {
            forcedRefreshes.incrementAndGet();
            if (current != null) {
                revoked.add(current);
            }
            current = null;
        }
        if (current == null) {
            current = "tok-" + UUID.randomUUID();
        }
        return new Answer(200, "{\"access_token\":\"" + current + "\",\"expires_in\":7200}", "token");
    }

    private Answer send(String token, String body) {
        if (token == null || expired.contains(token)) {
            return token == null ? err(200, 41001, "access_token missing") : err(200, 42001, "access_token expired");
        }
        if (revoked.contains(token) || !token.equals(current)) {
            return err(200, 40001, "invalid credential, access_token is invalid or not latest");
        }
        Map<?, ?> message = EventJson.read(body, Map.class);
        if (!(message.get("touser") instanceof String touser) || touser.isBlank()) {
            return err(200, 40003, "invalid openid");
        }
        if (!(message.get("template_id") instanceof String templateId) || templateId.isBlank()) {
            return err(200, 40037, "invalid template_id");
        }
        if (!Set.of("developer", "trial", "formal").contains(String.valueOf(message.get("miniprogram_state")))) {
            return err(200, 47003, "argument invalid! miniprogram_state");
        }
        if (!(message.get("data") instanceof Map<?, ?> data) || data.isEmpty()) {
            return err(200, 47003, "argument invalid! data");
        }
        for (Map.Entry<?, ?> e : data.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof Map<?, ?> v) || !(v.get("value") instanceof String value)) {
                return err(200, 47003, "argument invalid! data." + key + ".value");
            }
            int length = value.codePointCount(0, value.length());
            if (key.startsWith("thing") && length > 20 || key.startsWith("phrase") && length > 5) {
                return err(200, 47003, "argument invalid! data." + key + ".value too long");
            }
        }
        String scripted = nextScripted(touser);
        if (scripted != null) {
            return err(200, Integer.parseInt(scripted), "scripted " + scripted);
        }
        accepted.add(touser);
        sent.add(message);
        return new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + (3147483648L + accepted.size()) + "}", "ok");
    }

    private static Answer err(int status, int errcode, String errmsg) {
        return new Answer(status, "{\"errcode\":" + errcode + ",\"errmsg\":" + quote(errmsg) + "}", String.valueOf(errcode));
    }
}
