package org.jingban.notification.it;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** A clock the test sets (e.g. to 23:00 in Shanghai) and that then runs on from there. */
public final class TestClock extends Clock {

    private volatile Instant base = Instant.now();
    private volatile long setAtNanos = System.nanoTime();

    public void setTo(Instant instant) {
        setAtNanos = System.nanoTime();
        base = instant;
    }

    public void setTo(String shanghaiLocal) {
        setTo(OffsetDateTime.parse(shanghaiLocal + "+08:00").toInstant());
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.of("Asia/Shanghai");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.plusNanos(System.nanoTime() - setAtNanos);
    }
}
