package org.jingban.notification.channel.live;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jingban.platform.messaging.EventJson;

/**
 * Alipay's open-API gateway as documented: a form POST to {@code /gateway.do} whose {@code sign} is RSA2
 * (SHA256withRSA) over the non-empty parameters except {@code sign}, sorted, {@code k=v&…} with raw values — checked
 * here with the application's public key, independently of the client — plus the common parameters ({@code app_id},
 * {@code method}, {@code charset=utf-8}, {@code sign_type=RSA2}, {@code timestamp yyyy-MM-dd HH:mm:ss},
 * {@code version=1.0}) and a {@code biz_content} with {@code to_user_id}, {@code user_template_id}, {@code page} and a
 * JSON-string {@code data}. It answers {@code {"<method>_response": {...}, "sign": "..."}}, signing the node's exact
 * text with its own ("Alipay's") private key; scripts per user: an error code, or {@code tamper} (a signature that
 * does not match the node).
 */
final class FakeAlipay extends FakeProvider {

    static final String APP_ID = "2021000000000001";
    /** Throw-away keys made for this test run (once per JVM: 2048-bit key generation is slow): the application's and "Alipay's". */
    static final KeyPair APP_KEYS = generate();
    static final KeyPair ALIPAY_KEYS = generate();
    /** A third pair: neither the application's nor Alipay's. */
    static final KeyPair STRANGER_KEYS = generate();
    final KeyPair appKeys = APP_KEYS;
    final KeyPair alipayKeys = ALIPAY_KEYS;
    final List<Map<?, ?>> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String appPrivateKeyBase64() {
        return Base64.getEncoder().encodeToString(appKeys.getPrivate().getEncoded());
    }

    String alipayPublicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(alipayKeys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    @Override
    Answer answer(String method, String path, String query, String body) {
        if (!"POST".equals(method) || !"/gateway.do".equals(path)) {
            return new Answer(404, "{}", "404");
        }
        Map<String, String> params = form(body);
        String apiMethod = params.getOrDefault("method", "");
        String node = apiMethod.isEmpty() ? "error_response" : apiMethod.replace('.', '_') + "_response";
        String sign = params.get("sign");
        if (!APP_ID.equals(params.get("app_id"))) {
            return unsigned("error_response", "{\"code\":\"40002\",\"msg\":\"Invalid Arguments\",\"sub_code\":\"isv.invalid-app-id\",\"sub_msg\":\"无效的AppID参数\"}");
        }
        if (sign == null || !verify(content(params), sign, appKeys.getPublic())) {
            return signed(node, "{\"code\":\"40002\",\"msg\":\"Invalid Arguments\",\"sub_code\":\"isv.invalid-signature\",\"sub_msg\":\"验签出错\"}", false);
        }
        if (!"RSA2".equals(params.get("sign_type")) || !"utf-8".equalsIgnoreCase(params.get("charset"))
                || !"1.0".equals(params.get("version")) || !"JSON".equalsIgnoreCase(params.get("format"))
                || params.get("timestamp") == null || !params.get("timestamp").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")
                || !"alipay.open.app.mini.templatemessage.send".equals(apiMethod)) {
            return signed(node, "{\"code\":\"40002\",\"msg\":\"Invalid Arguments\",\"sub_code\":\"isv.invalid-common-param\"}", false);
        }
        Map<?, ?> biz = EventJson.read(params.get("biz_content"), Map.class);
        if (!(biz.get("to_user_id") instanceof String user) || user.isBlank()
                || !(biz.get("user_template_id") instanceof String) || !(biz.get("data") instanceof String data)) {
            return signed(node, "{\"code\":\"40001\",\"msg\":\"Missing Required Arguments\",\"sub_code\":\"isv.missing-biz-param\"}", false);
        }
        EventJson.read(data, Map.class); // data is a JSON string of keywordN: {value}
        String scripted = nextScripted(user);
        if ("tamper".equals(scripted)) {
            accepted.add(user); // it was taken, but the answer cannot be trusted
            return signed(node, "{\"code\":\"10000\",\"msg\":\"Success\"}", true);
        }
        if (scripted != null) {
            String[] parts = scripted.split("/");
            return signed(node, "{\"code\":\"" + parts[0] + "\",\"msg\":\"Business Failed\""
                    + (parts.length > 1 ? ",\"sub_code\":\"" + parts[1] + "\",\"sub_msg\":\"scripted\"" : "") + "}", false);
        }
        accepted.add(user);
        sent.add(biz);
        return signed(node, "{\"code\":\"10000\",\"msg\":\"Success\"}", false);
    }

    /** The answer's node text exactly as written, and a sign over it (or over other text when tampering). */
    private Answer signed(String node, String nodeText, boolean tamper) {
        String signature = sign(tamper ? nodeText.replace("Success", "Succes5") : nodeText);
        return new Answer(200, "{\"" + node + "\":" + nodeText + ",\"sign\":\"" + signature + "\"}", nodeText);
    }

    private static Answer unsigned(String node, String nodeText) {
        return new Answer(200, "{\"" + node + "\":" + nodeText + "}", nodeText);
    }

    static String content(Map<String, String> params) {
        return new TreeMap<>(params).entrySet().stream()
                .filter(e -> !"sign".equals(e.getKey()) && e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    private String sign(String text) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(alipayKeys.getPrivate());
            rsa.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean verify(String text, String signature, PublicKey key) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(text.getBytes(StandardCharsets.UTF_8));
            return rsa.verify(Base64.getDecoder().decode(signature));
        } catch (Exception e) {
            return false;
        }
    }
}
