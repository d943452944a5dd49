package org.jingban.settlement.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * jingban.settlement.enrollment: where enrollment-service's account API is and how settlement-service calls it.
 *
 * @param baseUrl enrollment-service (or the gateway in front of it); blank in the local profile = the gateway that
 *                issues the dev tokens (derived from the JWKS address)
 * @param timeout one call's limit
 * @param retries further attempts after a transport failure or a 5xx (safe: every post carries its idempotency key)
 * @param token   how settlement-service gets its own access token (scope {@code enrollment:account})
 */
@ConfigurationProperties("jingban.settlement.enrollment")
public record EnrollmentAccountProperties(String baseUrl, Duration timeout, Integer retries, Token token) {

    public EnrollmentAccountProperties {
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
        retries = retries == null ? 2 : retries;
        token = token == null ? new Token(null, null, null, null, null) : token;
    }

    /**
     * OAuth2 client credentials against the identity platform ({@code tokenUri}); in the local profile, without
     * {@code tokenUri}, the gateway's dev issuer ({@code devIssuer}, else derived like {@code baseUrl}).
     */
    public record Token(String tokenUri, String clientId, String clientSecret, String scope, String devIssuer) {

        public Token {
            clientId = clientId == null || clientId.isBlank() ? "settlement-service" : clientId;
            scope = scope == null || scope.isBlank() ? "enrollment:account" : scope;
        }
    }
}
