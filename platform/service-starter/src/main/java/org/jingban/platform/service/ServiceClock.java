package org.jingban.platform.service;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clock a service runs its business days on: the system clock in China's zone, moved by
 * {@value #OFFSET_PROPERTY} when that is set — an ISO-8601 duration added to the system clock ({@code -P21D}: three
 * weeks ago; {@code PT36H}). It exists so that a packaged service can be started in the past (or future) by a test of
 * the whole stack (e2e) and then restarted on the real clock, to let working-day periods pass (the 公示 of 定点协议管理);
 * there is no endpoint that moves time. A set offset is logged as a warning naming the property and the moved time, at
 * start; unset (the default) is {@link Clock#system(ZoneId)}. Only services that wire it read the property (today
 * designated-institution-service, docs/configuration.md).
 *
 * <p>Only the service's {@code Clock} bean moves: event times, the audit trail and token validation keep the system
 * clock.
 */
public final class ServiceClock {

    public static final String OFFSET_PROPERTY = "jingban.clock.offset";

    private static final Logger log = LoggerFactory.getLogger(ServiceClock.class);

    private ServiceClock() {
    }

    /**
     * The system clock in {@code zone}, moved by {@code offset} (ISO-8601 duration, e.g. {@code -P21D}); null or blank:
     * not moved. A malformed offset stops the service at start, naming the property.
     */
    public static Clock of(ZoneId zone, String offset) {
        Clock system = Clock.system(zone);
        if (offset == null || offset.isBlank()) {
            return system;
        }
        Duration by;
        try {
            by = Duration.parse(offset.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(OFFSET_PROPERTY + "=" + offset + " is not an ISO-8601 duration (e.g. -P21D, PT36H)", e);
        }
        if (by.isZero()) {
            return system;
        }
        Clock moved = Clock.offset(system, by);
        log.warn("""

                ******************************************************************************************
                * 时钟偏移已启用：{}={}
                * 本服务的业务时间 = 系统时间 + ({}) → 现为 {}（系统时间 {}）
                * 仅供测试（端到端测试中让工作日期限经过）；生产环境不得设置此项
                ******************************************************************************************""",
                OFFSET_PROPERTY, offset.trim(), offset.trim(), LocalDateTime.now(moved).withNano(0),
                LocalDateTime.now(system).withNano(0));
        return moved;
    }
}
