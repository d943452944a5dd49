package org.jingban.platform.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Verifies a token with the in-process key its {@code kid} names ({@link TrustedJwtKey}: dev issuer,
 * tests), else with the configured issuer's JWKS; with neither, every token is refused (fail closed).
 *
 * <p>A token verified once is remembered, by its exact text, until it expires ({@value #CACHED_TOKENS} tokens at
 * most): a clerk's or a system client's token comes with every request, and its signature check (RSA) and parsing
 * were the gateway's largest CPU cost per request. A cached token is taken only while {@code now < exp} — stricter
 * than the decoder's clock skew — and a token without {@code exp} is not cached. A changed byte is another key, so
 * nothing unverified is ever taken from the cache; what is refused is never cached.
 */
public class JingbanJwtDecoder implements ReactiveJwtDecoder {

    static final int CACHED_TOKENS = 20_000;

    private final Map<String, ReactiveJwtDecoder> local = new LinkedHashMap<>();
    private final ReactiveJwtDecoder remote;
    private final Clock clock;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(CACHED_TOKENS).build();

    public JingbanJwtDecoder(List<TrustedJwtKey> trusted, ReactiveJwtDecoder remote) {
        this(trusted, remote, Clock.systemUTC());
    }

    JingbanJwtDecoder(List<TrustedJwtKey> trusted, ReactiveJwtDecoder remote, Clock clock) {
        trusted.forEach(key -> local.put(key.keyId(), NimbusReactiveJwtDecoder.withPublicKey(key.publicKey()).build()));
        this.remote = remote;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            if (clock.instant().isBefore(known.getExpiresAt())) {
                return Mono.just(known);
            }
            verified.invalidate(token);
        }
        String keyId;
        try {
            keyId = JWTParser.parse(token) instanceof SignedJWT signed ? signed.getHeader().getKeyID() : null;
        } catch (ParseException e) {
            return Mono.error(new BadJwtException("malformed token", e));
        }
        ReactiveJwtDecoder decoder = keyId != null && local.containsKey(keyId) ? local.get(keyId) : remote;
        if (decoder == null) {
            return Mono.error(new BadJwtException("no trusted issuer is configured for this token"));
        }
        return decoder.decode(token).doOnNext(jwt -> {
            Instant expires = jwt.getExpiresAt();
            if (expires != null && clock.instant().isBefore(expires)) {
                verified.put(token, jwt);
            }
        });
    }

    public boolean trustsRemoteIssuer() {
        return remote != null;
    }
}
