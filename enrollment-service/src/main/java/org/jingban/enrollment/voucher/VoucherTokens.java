package org.jingban.enrollment.voucher;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived QR tokens of the 医保电子凭证: {@code base64url(personId.expiry.nonce).base64url(HMAC-SHA256)}. Only this
 * service can mint and check them; the nonce makes each token usable once (the caller records it).
 */
public final class VoucherTokens {

    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    private final byte[] secret;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public VoucherTokens(byte[] secret, Duration ttl, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the voucher secret needs at least 32 bytes");
        }
        this.secret = secret.clone();
        this.ttl = ttl;
        this.clock = clock;
    }

    public record Issued(String token, Instant expiresAt) {
    }

    /** What a valid token says. */
    public record Claims(String personId, Instant expiresAt, String nonce) {
    }

    /** Why a token is not accepted. */
    public static final class Invalid extends Exception {
        private final String code;

        Invalid(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public Issued issue(String personId) {
        Instant expires = clock.instant().plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        String payload = personId + "." + expires.getEpochSecond() + "." + ENC.encodeToString(nonce);
        String token = ENC.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + ENC.encodeToString(mac(payload));
        return new Issued(token, expires);
    }

    public Claims verify(String token) throws Invalid {
        if (token == null) {
            throw new Invalid("invalid-token", "二维码无效");
        }
        int dot = token.indexOf('.');
        String payload;
        byte[] signature;
        try {
            payload = new String(DEC.decode(token.substring(0, Math.max(dot, 0))), StandardCharsets.UTF_8);
            signature = DEC.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new Invalid("invalid-token", "二维码无效");
        }
        if (dot <= 0 || !MessageDigest.isEqual(mac(payload), signature)) {
            throw new Invalid("invalid-token", "二维码无效");
        }
        String[] parts = payload.split("\\.");
        if (parts.length != 3) {
            throw new Invalid("invalid-token", "二维码无效");
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[1]));
        if (!clock.instant().isBefore(expires)) {
            throw new Invalid("expired", "二维码已过期，请刷新后重新出示");
        }
        return new Claims(parts[0], expires, parts[2]);
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
