package org.jingban.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.jingban.notification.NotificationProperties;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    final QuietHours quiet = new QuietHours(settings());

    static NotificationProperties.QuietHours settings() {
        NotificationProperties.QuietHours s = new NotificationProperties.QuietHours();
        s.setUrgentTemplates(List.of("622036004004:completed"));
        return s;
    }

    static Instant shanghai(String local) {
        return OffsetDateTime.parse(local + "+08:00").toInstant();
    }

    @Test
    void an_sms_at_23_00_waits_for_08_00_the_next_morning() {
        assertThat(quiet.isQuiet(shanghai("2026-11-23T23:00:00"))).isTrue();
        assertThat(quiet.nextAllowed(shanghai("2026-11-23T23:00:00"))).isEqualTo(shanghai("2026-11-24T08:00:00"));
    }

    @Test
    void an_sms_at_03_00_waits_for_08_00_the_same_morning() {
        assertThat(quiet.nextAllowed(shanghai("2026-11-24T03:00:00"))).isEqualTo(shanghai("2026-11-24T08:00:00"));
    }

    @Test
    void the_quiet_period_starts_at_22_00_and_ends_at_08_00() {
        assertThat(quiet.isQuiet(shanghai("2026-11-23T21:59:59"))).isFalse();
        assertThat(quiet.isQuiet(shanghai("2026-11-23T22:00:00"))).isTrue();
        assertThat(quiet.isQuiet(shanghai("2026-11-24T07:59:59"))).isTrue();
        assertThat(quiet.isQuiet(shanghai("2026-11-24T08:00:00"))).isFalse();
        assertThat(quiet.nextAllowed(shanghai("2026-11-24T12:00:00"))).isEqualTo(shanghai("2026-11-24T12:00:00"));
    }

    @Test
    void urgent_templates_are_configured_by_event_or_item_and_event() {
        assertThat(quiet.isUrgent("622036004004", "completed")).isTrue();
        assertThat(quiet.isUrgent("622036004004", "failed")).isFalse();
        assertThat(quiet.isUrgent("622036003002", "completed")).isFalse();
    }

    @Test
    void quiet_hours_can_be_switched_off() {
        NotificationProperties.QuietHours off = new NotificationProperties.QuietHours();
        off.setEnabled(false);
        assertThat(new QuietHours(off).isQuiet(shanghai("2026-11-23T23:00:00"))).isFalse();
    }
}
