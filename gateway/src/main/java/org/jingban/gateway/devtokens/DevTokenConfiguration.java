package org.jingban.gateway.devtokens;

import org.jingban.platform.security.SigningKey;
import org.jingban.platform.security.TrustedJwtKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Only with the {@code local} profile: a signing key generated at start, trusted by this gateway in
 * process and published at {@code /dev/jwks} for the services. Without the profile neither the key
 * nor the endpoints exist ({@code /dev/**} then answers 404).
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
public class DevTokenConfiguration {

    @Bean
    SigningKey devSigningKey(@Value("${jingban.gateway.dev-issuer.issuer:http://localhost:8080/dev}") String issuer) {
        return new SigningKey("jingban-dev-" + System.currentTimeMillis(), issuer);
    }

    @Bean
    TrustedJwtKey devTrustedKey(SigningKey devSigningKey) {
        return devSigningKey.trusted();
    }
}
