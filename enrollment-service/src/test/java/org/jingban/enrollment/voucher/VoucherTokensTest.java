package org.jingban.enrollment.voucher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class VoucherTokensTest {

    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T08:00:00Z"));

        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    }

    @Test
    void a_token_holds_for_its_lifetime_and_not_a_second_longer() throws Exception {
        HandClock clock = new HandClock();
        VoucherTokens tokens = new VoucherTokens(SECRET, Duration.ofSeconds(60), clock);
        VoucherTokens.Issued issued = tokens.issue("person-1");
        assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2026-11-23T08:01:00Z"));

        clock.now.set(Instant.parse("2026-11-23T08:00:59Z"));
        assertThat(tokens.verify(issued.token()).personId()).isEqualTo("person-1");
        clock.now.set(Instant.parse("2026-11-23T08:01:00Z"));
        assertThatThrownBy(() -> tokens.verify(issued.token())).isInstanceOf(VoucherTokens.Invalid.class)
                .satisfies(e -> assertThat(((VoucherTokens.Invalid) e).code()).isEqualTo("expired"));
    }

    @Test
    void a_token_signed_with_another_key_or_changed_is_invalid() {
        HandClock clock = new HandClock();
        VoucherTokens ours = new VoucherTokens(SECRET, Duration.ofSeconds(60), clock);
        VoucherTokens theirs = new VoucherTokens("ffffffffffffffffffffffffffffffff".getBytes(), Duration.ofSeconds(60), clock);
        String foreign = theirs.issue("person-1").token();
        assertThatThrownBy(() -> ours.verify(foreign)).isInstanceOf(VoucherTokens.Invalid.class);
        assertThatThrownBy(() -> ours.verify("garbage")).isInstanceOf(VoucherTokens.Invalid.class);
        String token = ours.issue("person-1").token();
        String otherPerson = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))))
                        .replace("person-1", "person-2").getBytes()) + token.substring(token.indexOf('.'));
        assertThatThrownBy(() -> ours.verify(otherPerson)).isInstanceOf(VoucherTokens.Invalid.class);
    }
}
