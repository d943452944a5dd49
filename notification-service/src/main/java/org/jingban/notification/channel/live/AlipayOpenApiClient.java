package org.jingban.notification.channel.live;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jingban.notification.NotificationProperties;
import org.jingban.notification.channel.OutgoingMessage;
import org.jingban.notification.channel.ProviderException;
import org.jingban.notification.channel.ProviderException.Disposition;
import org.jingban.notification.channel.ProviderRequest;
import org.jingban.platform.messaging.EventJson;
import reactor.core.publisher.Mono;

/**
 * Alipay open API ({@code gateway.do}) with RSA2 as Alipay documents it (自行实现签名): every request parameter but
 * {@code sign} whose value is not empty, sorted by name, joined as {@code name=value&…} with the raw (not URL-encoded)
 * values, signed SHA256withRSA with the application's private key, Base64 into {@code sign}; the parameters go as an
 * {@code application/x-www-form-urlencoded} UTF-8 body. The answer {@code {"<method_with_underscores>_response": {…},
 * "sign": "…"}} is verified with Alipay's public key over the exact JSON text of the {@code *_response} node (or of
 * {@code error_response}); a signature that does not verify is an answer we cannot trust (outcome unknown).
 */
public class AlipayOpenApiClient implements ProviderClient {

    private final ProviderHttp http;
    private final NotificationProperties.Alipay settings;
    private final PrivateKey appPrivateKey;
    private final PublicKey alipayPublicKey;

    public AlipayOpenApiClient(ProviderHttp http, NotificationProperties.Alipay settings) {
        if (blank(settings.getAppPrivateKey()) || blank(settings.getAlipayPublicKey()) || blank(settings.getAppId())
                || "local".equals(settings.getAppId())) {
            throw new IllegalStateException("支付宝渠道已设为 live，但未配置 jingban.notification.alipay.app-id / "
                    + "app-private-key / alipay-public-key（密钥应来自密钥库）");
        }
        this.http = http;
        this.settings = settings;
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            this.appPrivateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(decodeKey(settings.getAppPrivateKey())));
            this.alipayPublicKey = rsa.generatePublic(new X509EncodedKeySpec(decodeKey(settings.getAlipayPublicKey())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("支付宝密钥格式不正确（应用私钥应为 PKCS#8，支付宝公钥应为 X.509，Base64 或 PEM）", e);
        }
    }

    @Override
    public String provider() {
        return "alipay-template";
    }

    @Override
    public Mono<String> send(ProviderRequest request, OutgoingMessage message) {
        SortedMap<String, String> params = new TreeMap<>();
        request.body().forEach((k, v) -> params.put(k, String.valueOf(v)));
        params.put("sign", sign(signContent(params), appPrivateKey));
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(settings.getGateway()))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        String node = params.get("method").replace('.', '_') + "_response";
        return http.send(provider(), builder, false).map(response -> read(response.body(), response.statusCode(), node, message));
    }

    private String read(String body, int status, String node, OutgoingMessage message) {
        String nodeText = JsonSpans.valueOf(body, node);
        String nodeName = node;
        if (nodeText == null) {
            nodeText = JsonSpans.valueOf(body, "error_response");
            nodeName = "error_response";
        }
        if (nodeText == null) {
            throw new ProviderException(provider(), "HTTP-" + status, status == 429 || status == 503
                    ? Disposition.RETRY : Disposition.UNKNOWN, "支付宝应答中没有 " + node);
        }
        Map<?, ?> answer = AliyunSmsClient.readOrNull(nodeText);
        Map<?, ?> whole = AliyunSmsClient.readOrNull(body);
        String signature = whole == null ? null : (String) whole.get("sign");
        String code = answer == null ? null : String.valueOf(answer.get("code"));
        if (signature != null && !verify(nodeText, signature, alipayPublicKey)) {
            throw new ProviderException(provider(), "sign-invalid", Disposition.UNKNOWN,
                    "支付宝应答签名验证失败（" + nodeName + "），结果不可信");
        }
        if ("10000".equals(code)) {
            if (signature == null) {
                throw new ProviderException(provider(), "sign-missing", Disposition.UNKNOWN, "支付宝成功应答未签名，结果不可信");
            }
            return "alipay:" + message.deliveryKey(); // the answer carries no message id
        }
        String subCode = answer == null ? null : (String) answer.get("sub_code");
        String text = answer == null ? "" : answer.get("msg") + (answer.get("sub_msg") == null ? "" : "：" + answer.get("sub_msg"));
        throw new ProviderException(provider(), code + (subCode == null ? "" : "/" + subCode), disposition(code, subCode), text);
    }

    /**
     * 20000 服务不可用 and throttling sub-codes: retry; 40004 业务处理失败 for this user (not subscribed, user unknown):
     * the next channel, unless it names the template (dead letter); 20001 / 40001 / 40002 / 40006 (credentials,
     * parameters, permissions): dead letter.
     */
    static Disposition disposition(String code, String subCode) {
        String sub = subCode == null ? "" : subCode.toUpperCase();
        if ("20000".equals(code) || sub.contains("LIMIT") || sub.contains("SYSTEM_ERROR") || sub.contains("UNKNOW")) {
            return Disposition.RETRY;
        }
        if ("40004".equals(code)) {
            return sub.contains("TEMPLATE") || sub.contains("PARAM") ? Disposition.DEAD : Disposition.NEXT_CHANNEL;
        }
        if ("20001".equals(code) || "40001".equals(code) || "40002".equals(code) || "40006".equals(code)) {
            return Disposition.DEAD;
        }
        return Disposition.RETRY;
    }

    /** {@code name=value&…} of the non-empty parameters except {@code sign}, sorted by name, values raw. */
    public static String signContent(SortedMap<String, String> params) {
        return params.entrySet().stream()
                .filter(e -> !"sign".equals(e.getKey()) && e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    public static String sign(String content, PrivateKey key) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean verify(String content, String signature, PublicKey key) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(content.getBytes(StandardCharsets.UTF_8));
            return rsa.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Base64 of the DER, with or without PEM armour and line breaks. */
    static byte[] decodeKey(String text) {
        String base64 = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
