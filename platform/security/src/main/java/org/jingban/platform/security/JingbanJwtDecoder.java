package org.jingban.platform.security;

import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 */
public class JingbanJwtDecoder implements ReactiveJwtDecoder {

    private final Map<String, ReactiveJwtDecoder> local = new LinkedHashMap<>();
    private final ReactiveJwtDecoder remote;

    public JingbanJwtDecoder(List<TrustedJwtKey> trusted, ReactiveJwtDecoder remote) {
        trusted.forEach(key -> local.put(key.keyId(), NimbusReactiveJwtDecoder.withPublicKey(key.publicKey()).build()));
        this.remote = remote;
    }

    @Override
    public Mono<Jwt> decode(String token) {
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
        return decoder.decode(token);
    }

    public boolean trustsRemoteIssuer() {
        return remote != null;
    }
}
