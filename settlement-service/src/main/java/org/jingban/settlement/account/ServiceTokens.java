package org.jingban.settlement.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Gets and caches settlement-service's token: OAuth2 client credentials at {@code token.token-uri} (a deployment's
 * identity platform), or, in the local profile, the gateway's dev issuer ({@code POST /dev/tokens}, role SYSTEM with
 * the scope). Renewed a minute before it expires. Without either, every call fails: the account is then
 * "unavailable" and settlements pay its share in cash (logged once at start).
 */
public class ServiceTokens implements ServiceToken {

    private static final Logger log = LoggerFactory.getLogger(ServiceTokens.class);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

    private record Issued(String token, Instant expiresAt) {
    }

    private final WebClient http;
    private final EnrollmentAccountProperties.Token config;
    private final Environment environment;
    private final Clock clock;
    private final AtomicReference<Issued> cached = new AtomicReference<>();

    public ServiceTokens(WebClient.Builder builder, EnrollmentAccountProperties properties, Environment environment,
                         Clock clock) {
        this.http = builder.clone().build();
        this.config = properties.token();
        this.environment = environment;
        this.clock = clock;
        if (blank(config.tokenUri()) && devIssuer() == null) {
            log.warn("jingban.settlement.enrollment.token is not configured: personal-account shares will be paid in cash");
        }
    }

    @Override
    public Mono<String> get() {
        Issued now = cached.get();
        if (now != null && now.expiresAt().isAfter(clock.instant().plus(RENEW_BEFORE))) {
            return Mono.just(now.token());
        }
        return issue().doOnNext(cached::set).map(Issued::token);
    }

    private Mono<Issued> issue() {
        if (!blank(config.tokenUri())) {
            return http.post().uri(config.tokenUri()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData("grant_type", "client_credentials")
                            .with("client_id", config.clientId())
                            .with("client_secret", config.clientSecret() == null ? "" : config.clientSecret())
                            .with("scope", config.scope()))
                    .retrieve().bodyToMono(Map.class)
                    .map(m -> issued((String) m.get("access_token"), m.get("expires_in")));
        }
        String issuer = devIssuer();
        if (issuer == null) {
            return Mono.error(new IllegalStateException("no token source configured (jingban.settlement.enrollment.token)"));
        }
        return http.post().uri(issuer + "/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "SYSTEM", "subject", config.clientId(), "scopes", List.of(config.scope().split(" ")),
                        "validMinutes", 60))
                .retrieve().bodyToMono(Map.class)
                .map(m -> issued((String) m.get("accessToken"), m.get("expiresIn")));
    }

    private Issued issued(String token, Object expiresIn) {
        if (token == null) {
            throw new IllegalStateException("the token endpoint answered without a token");
        }
        long seconds = expiresIn instanceof Number n ? n.longValue() : 300;
        return new Issued(token, clock.instant().plusSeconds(seconds));
    }

    /** The dev issuer's origin: configured, or in the local profile the gateway whose JWKS the service trusts. */
    private String devIssuer() {
        if (!blank(config.devIssuer())) {
            return config.devIssuer();
        }
        return LocalGateway.origin(environment);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
