package org.jingban.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import org.jingban.platform.test.ManualClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** A verified token is remembered until it expires; nothing refused, expired or without expiry is taken from memory. */
class JwtVerificationCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    /** The issuer's decoder, counting its verifications; it refuses tokens whose subject starts with "bad". */
    private static final class CountingIssuer implements ReactiveJwtDecoder {
        final AtomicInteger verifications = new AtomicInteger();

        @Override
        public Mono<Jwt> decode(String token) {
            verifications.incrementAndGet();
            try {
                JWTClaimsSet claims = PlainJWT.parse(token).getJWTClaimsSet();
                if (claims.getSubject().startsWith("bad")) {
                    return Mono.error(new BadJwtException("signature"));
                }
                Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject(claims.getSubject())
                        .issuedAt(NOW.minusSeconds(1));
                if (claims.getExpirationTime() != null) {
                    jwt.expiresAt(claims.getExpirationTime().toInstant());
                }
                return Mono.just(jwt.build());
            } catch (java.text.ParseException e) {
                return Mono.error(new BadJwtException("malformed", e));
            }
        }
    }

    private static String token(String subject, Instant expires) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject);
        if (expires != null) {
            claims.expirationTime(Date.from(expires));
        }
        return new PlainJWT(claims.build()).serialize();
    }

    private final CountingIssuer issuer = new CountingIssuer();
    private final ManualClock clock = new ManualClock(NOW);
    private final JingbanJwtDecoder decoder = new JingbanJwtDecoder(List.of(), issuer, clock);

    @Test
    void a_token_verified_once_is_not_verified_again_until_it_expires() {
        String token = token("clerk-1", NOW.plus(Duration.ofMinutes(30)));

        assertThat(decoder.decode(token).block().getSubject()).isEqualTo("clerk-1");
        assertThat(decoder.decode(token).block().getSubject()).isEqualTo("clerk-1");
        assertThat(issuer.verifications).hasValue(1);

        // at its expiry it goes to the issuer's decoder again (which decides, with its own clock skew)
        clock.set(NOW.plus(Duration.ofMinutes(30)));
        decoder.decode(token).block();
        assertThat(issuer.verifications).hasValue(2);
    }

    @Test
    void refused_tokens_and_tokens_without_expiry_are_verified_every_time() {
        String refused = token("bad-1", NOW.plus(Duration.ofMinutes(30)));
        assertThatThrownBy(() -> decoder.decode(refused).block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(refused).block()).isInstanceOf(BadJwtException.class);
        assertThat(issuer.verifications).hasValue(2);

        String forever = token("system-1", null);
        decoder.decode(forever).block();
        decoder.decode(forever).block();
        assertThat(issuer.verifications).hasValue(4);
    }

    @Test
    void another_token_of_the_same_subject_is_verified_on_its_own() {
        decoder.decode(token("clerk-2", NOW.plus(Duration.ofMinutes(30)))).block();
        decoder.decode(token("clerk-2", NOW.plus(Duration.ofMinutes(31)))).block();
        assertThat(issuer.verifications).hasValue(2);
    }
}
