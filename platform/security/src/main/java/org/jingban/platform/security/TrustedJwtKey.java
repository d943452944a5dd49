package org.jingban.platform.security;

import java.security.interfaces.RSAPublicKey;
import java.util.Objects;

/**
 * A public key this application trusts in process, besides the configured issuer's JWKS: the local
 * dev issuer's key at the gateway, the per-JVM test key in tests. Declared as a bean; chosen by the
 * token's {@code kid}.
 */
public record TrustedJwtKey(String keyId, RSAPublicKey publicKey) {

    public TrustedJwtKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
