package org.jingban.settlement.account;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The local stack's gateway (deploy/local/up.sh, the e2e stack): in profile {@code local} every JVM trusts the gateway's
 * dev issuer at {@code <gateway>/dev/jwks}, so that address also tells where the gateway is. Only there is it used as
 * enrollment-service's address and as the token issuer; a deployment configures both.
 */
final class LocalGateway {

    private static final String JWKS_PATH = "/dev/jwks";

    private LocalGateway() {
    }

    static String origin(Environment environment) {
        if (!environment.acceptsProfiles(Profiles.of("local"))) {
            return null;
        }
        String jwks = environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri");
        if (jwks == null || !jwks.endsWith(JWKS_PATH)) {
            return null;
        }
        return jwks.substring(0, jwks.length() - JWKS_PATH.length());
    }
}
