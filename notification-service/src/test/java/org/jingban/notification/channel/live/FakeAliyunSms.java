package org.jingban.notification.channel.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jingban.platform.messaging.EventJson;

/**
 * Aliyun SMS (dysmsapi, RPC style) as its documentation describes the request: POST form with the common parameters
 * and SendSms's; the signature recomputed here from the received parameters by the documented steps (sort by name,
 * RFC 3986 percent-encoding of names and values, {@code POST&%2F&encode(canonicalized)}, HMAC-SHA1 with
 * {@code secret + "&"}, Base64) — written independently of the client. Also checks: SignatureMethod/Version, the
 * Timestamp's format and a 15-minute skew, a nonce never used before, the AccessKeyId, Action, Version, Format and
 * SendSms's required parameters (TemplateParam a JSON object). Answers {@code Code: OK} with a BizId, or a scripted
 * code per phone number ({@code isv.BUSINESS_LIMIT_CONTROL}, {@code isv.MOBILE_NUMBER_ILLEGAL} …).
 */
final class FakeAliyunSms extends FakeProvider {

    static final String KEY_ID = "LTAI-test-key-id";
    final String secret = "test-secret-" + UUID.randomUUID();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    /** The SendSms parameters of each message taken. */
    final List<Map<String, String>> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    Answer answer(String method, String path, String query, String body) {
        if (!"POST".equals(method) || !"/".equals(path)) {
            return error(404, "InvalidAction.NotFound", "wrong method or path " + method + " " + path);
        }
        Map<String, String> params = form(body);
        List<String> problems = new ArrayList<>();
        String signature = params.remove("Signature");
        require(params, problems, "AccessKeyId", "Action", "Format", "RegionId", "SignatureMethod", "SignatureNonce",
                "SignatureVersion", "Timestamp", "Version", "PhoneNumbers", "SignName", "TemplateCode");
        if (!problems.isEmpty() || signature == null) {
            return error(400, "MissingParameter", "missing " + problems + (signature == null ? " Signature" : ""));
        }
        if (!KEY_ID.equals(params.get("AccessKeyId"))) {
            return error(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        }
        if (!"HMAC-SHA1".equals(params.get("SignatureMethod")) || !"1.0".equals(params.get("SignatureVersion"))) {
            return error(400, "IncompleteSignature", "signature method/version");
        }
        if (!signature.equals(expectedSignature("POST", params, secret))) {
            return error(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.");
        }
        Instant at;
        try {
            at = Instant.from(DateTimeFormatter.ISO_INSTANT.parse(params.get("Timestamp")));
        } catch (RuntimeException e) {
            return error(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
        }
        if (!params.get("Timestamp").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")
                || Duration.between(at, Instant.now()).abs().compareTo(Duration.ofMinutes(15)) > 0) {
            return error(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
        }
        if (!nonces.add(params.get("SignatureNonce"))) {
            return error(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
        }
        if (!"SendSms".equals(params.get("Action")) || !"2017-05-25".equals(params.get("Version"))
                || !"JSON".equals(params.get("Format"))) {
            return error(400, "InvalidAction.NotFound", "Action/Version/Format");
        }
        if (params.containsKey("TemplateParam")) {
            try {
                EventJson.read(params.get("TemplateParam"), Map.class);
            } catch (RuntimeException e) {
                return error(200, "isv.INVALID_JSON_PARAM", "JSON参数不合法，只接受字符串值");
            }
        }
        String phone = params.get("PhoneNumbers");
        String scripted = nextScripted(phone);
        if (scripted != null) {
            return error(200, scripted, "scripted " + scripted);
        }
        accepted.add(phone);
        sent.add(Map.copyOf(params));
        return new Answer(200, "{\"Message\":\"OK\",\"RequestId\":\"" + UUID.randomUUID() + "\",\"Code\":\"OK\","
                + "\"BizId\":\"" + (900000 + accepted.size()) + "^0\"}", "OK");
    }

    private static void require(Map<String, String> params, List<String> problems, String... names) {
        for (String name : names) {
            if (params.get(name) == null || params.get(name).isEmpty()) {
                problems.add(name);
            }
        }
    }

    private static Answer error(int status, String code, String message) {
        return new Answer(status, "{\"RequestId\":\"" + UUID.randomUUID() + "\",\"Message\":" + quote(message)
                + ",\"Code\":" + quote(code) + "}", code);
    }

    /** The documented steps, written out here without the client's code. */
    static String expectedSignature(String method, Map<String, String> params, String secret) {
        StringBuilder canonical = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            if (canonical.length() > 0) {
                canonical.append('&');
            }
            canonical.append(rfc3986(e.getKey())).append('=').append(rfc3986(e.getValue()));
        }
        String stringToSign = method + "&" + rfc3986("/") + "&" + rfc3986(canonical.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A-Z a-z 0-9 - _ . ~ unchanged; every other UTF-8 byte as %XY (upper-case hex). */
    static String rfc3986(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
