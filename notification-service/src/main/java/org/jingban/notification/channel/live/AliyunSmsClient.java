package org.jingban.notification.channel.live;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jingban.notification.NotificationProperties;
import org.jingban.notification.channel.OutgoingMessage;
import org.jingban.notification.channel.ProviderException;
import org.jingban.notification.channel.ProviderException.Disposition;
import org.jingban.notification.channel.ProviderRequest;
import org.jingban.platform.messaging.EventJson;
import reactor.core.publisher.Mono;

/**
 * Aliyun SendSms (dysmsapi 2017-05-25) with the RPC signature, version 1.0 (HMAC-SHA1), as Aliyun documents it
 * ("签名机制", RPC 风格): the common parameters ({@code AccessKeyId}, {@code Format}, {@code RegionId},
 * {@code SignatureMethod=HMAC-SHA1}, {@code SignatureNonce}, {@code SignatureVersion=1.0}, {@code Timestamp} in UTC
 * ISO 8601) and the API's own are sorted by name; names and values are percent-encoded (RFC 3986: only
 * {@code A-Za-z0-9-_.~} stay, space is {@code %20}); the canonicalized query {@code k=v&…} gives
 * {@code StringToSign = POST&%2F&percentEncode(canonicalized)}; {@code Signature = Base64(HMAC-SHA1(AccessKeySecret
 * + "&", StringToSign))}. It is POSTed as a form body (the phone number stays out of URLs and access logs).
 */
public class AliyunSmsClient implements ProviderClient {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Throttled or failing for now (业务限流, 频率控制, 系统错误, 余额不足/停机 until topped up). */
    static final Set<String> RETRY = Set.of("isv.BUSINESS_LIMIT_CONTROL", "Throttling", "Throttling.User",
            "Throttling.Api", "ServiceUnavailable", "InternalError", "isp.SYSTEM_ERROR",
            "isv.AMOUNT_NOT_ENOUGH", "isv.OUT_OF_SERVICE", "SignatureNonceUsed", "InvalidTimeStamp.Expired");
    /** This number cannot get it (非法手机号, 当日发送上限, 号码在黑名单/停机): the next channel. */
    static final Set<String> NEXT_CHANNEL = Set.of("isv.MOBILE_NUMBER_ILLEGAL", "isv.DAY_LIMIT_CONTROL",
            "isv.MOBILE_IN_BLACK", "isv.PHONE_NUMBER_ILLEGAL");
    /** The request itself is wrong (签名、模板、参数、凭据): a dead letter for ops. */
    static final Set<String> DEAD = Set.of("isv.SMS_SIGNATURE_ILLEGAL", "isv.SMS_TEMPLATE_ILLEGAL",
            "isv.TEMPLATE_MISSING_PARAMETERS", "isv.INVALID_PARAMETERS", "isv.INVALID_JSON_PARAM",
            "isv.PARAM_LENGTH_LIMIT", "isv.TEMPLATE_PARAMS_ILLEGAL", "isv.SMS_CONTENT_ILLEGAL", "isv.SMS_SIGN_ILLEGAL",
            "isv.ACCOUNT_NOT_EXISTS", "isv.ACCOUNT_ABNORMAL", "isv.BLACK_KEY_CONTROL_LIMIT", "isv.DENY_IP_RANGE",
            "SignatureDoesNotMatch", "IncompleteSignature", "InvalidAccessKeyId.NotFound",
            "InvalidAccessKeyId.Inactive", "MissingParameter", "Forbidden.RAM", "isp.RAM_PERMISSION_DENY", "InvalidAction.NotFound");

    private final ProviderHttp http;
    private final NotificationProperties.Sms settings;
    private final Clock clock;
    private final Supplier<String> nonces;

    public AliyunSmsClient(ProviderHttp http, NotificationProperties.Sms settings, Clock clock) {
        this(http, settings, clock, () -> UUID.randomUUID().toString());
    }

    AliyunSmsClient(ProviderHttp http, NotificationProperties.Sms settings, Clock clock, Supplier<String> nonces) {
        if (blank(settings.getAccessKeyId()) || blank(settings.getAccessKeySecret())) {
            throw new IllegalStateException("短信渠道已设为 live，但未配置 jingban.notification.sms.access-key-id / "
                    + "access-key-secret（应来自密钥库）");
        }
        this.http = http;
        this.settings = settings;
        this.clock = clock;
        this.nonces = nonces;
    }

    @Override
    public String provider() {
        return "aliyun-sms";
    }

    @Override
    public Mono<String> send(ProviderRequest request, OutgoingMessage message) {
        SortedMap<String, String> params = new TreeMap<>();
        request.body().forEach((k, v) -> params.put(k, String.valueOf(v)));
        params.put("AccessKeyId", settings.getAccessKeyId());
        params.put("Format", "JSON");
        params.put("RegionId", settings.getRegionId());
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureNonce", nonces.get());
        params.put("SignatureVersion", "1.0");
        params.put("Timestamp", TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        String canonical = canonicalize(params);
        String signature = sign("POST", canonical, settings.getAccessKeySecret());
        String form = "Signature=" + percentEncode(signature) + "&" + canonical;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(settings.getEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        return http.send(provider(), builder, false).map(response -> {
            Map<?, ?> answer = readOrNull(response.body());
            String code = answer == null ? null : (String) answer.get("Code");
            if ("OK".equals(code)) {
                Object bizId = answer.get("BizId");
                return bizId == null ? String.valueOf(answer.get("RequestId")) : bizId.toString();
            }
            String text = answer == null ? "HTTP " + response.statusCode() : String.valueOf(answer.get("Message"));
            throw new ProviderException(provider(), code == null ? "HTTP-" + response.statusCode() : code,
                    disposition(code, response.statusCode()), text);
        });
    }

    static Disposition disposition(String code, int status) {
        if (code == null) {
            return status == 429 || status == 503 ? Disposition.RETRY : Disposition.UNKNOWN;
        }
        if (NEXT_CHANNEL.contains(code)) {
            return Disposition.NEXT_CHANNEL;
        }
        if (DEAD.contains(code)) {
            return Disposition.DEAD;
        }
        return Disposition.RETRY; // RETRY and codes not listed: retried until max-attempts makes it a dead letter
    }

    /** {@code k=v&…} of the sorted, percent-encoded parameters (Signature excluded by the caller). */
    public static String canonicalize(SortedMap<String, String> params) {
        return params.entrySet().stream().map(e -> percentEncode(e.getKey()) + "=" + percentEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String sign(String method, String canonical, String accessKeySecret) {
        String stringToSign = method + "&" + percentEncode("/") + "&" + percentEncode(canonical);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Aliyun's percentEncode: URLEncoder, then {@code +}→{@code %20}, {@code *}→{@code %2A}, {@code %7E}→{@code ~}. */
    public static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    static Map<?, ?> readOrNull(String body) {
        try {
            return body == null || body.isBlank() ? null : EventJson.read(body, Map.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
