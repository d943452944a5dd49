package org.jingban.platform.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * An RSA key pair generated in memory that signs Jingban tokens (RS256) — for the local dev issuer and
 * for tests only; a real deployment's tokens come from the identity platform. Never written to disk, so
 * no private key is ever committed.
 */
public final class SigningKey {

    private final String keyId;
    private final RSAPublicKey publicKey;
    private final NimbusJwtEncoder encoder;
    private final String issuer;

    public SigningKey(String keyId, String issuer) {
        this.keyId = keyId;
        this.issuer = issuer;
        KeyPair pair = generate();
        this.publicKey = (RSAPublicKey) pair.getPublic();
        RSAKey jwk = new RSAKey.Builder(publicKey).privateKey((RSAPrivateKey) pair.getPrivate()).keyID(keyId)
                .keyUse(KeyUse.SIGNATURE).build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String keyId() {
        return keyId;
    }

    public String issuer() {
        return issuer;
    }

    public TrustedJwtKey trusted() {
        return new TrustedJwtKey(keyId, publicKey);
    }

    /** The public key as a JWK Set document ({@code {"keys":[...]}}), to publish at a JWKS endpoint. */
    public Map<String, Object> publicJwks() {
        RSAKey jwk = new RSAKey.Builder(publicKey).keyID(keyId).keyUse(KeyUse.SIGNATURE)
                .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256).build();
        return new JWKSet(jwk).toJSONObject(true);
    }

    /** A signed token with these claims ({@code sub} among them), issued now, valid for {@code ttl}. */
    public String sign(Map<String, Object> claims, Duration ttl) {
        Instant expires = Instant.now().plus(ttl);
        // an already expired token (tests) was issued before it expired
        Instant issued = ttl.isNegative() ? expires.minus(Duration.ofMinutes(5)) : Instant.now();
        JwtClaimsSet.Builder set = JwtClaimsSet.builder().issuer(issuer).issuedAt(issued).notBefore(issued.minusSeconds(5))
                .expiresAt(expires);
        claims.forEach((name, value) -> {
            if (value != null) {
                set.claim(name, value);
            }
        });
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, set.build())).getTokenValue();
    }
}
