package org.jingban.notification.message;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.jingban.notification.NotificationProperties;

/**
 * 免打扰时段: no SMS between {@code start} and {@code end} (22:00–08:00 Asia/Shanghai by default) unless the template
 * is urgent. A message due then is deferred to the end of the quiet period, not dropped.
 */
public final class QuietHours {

    private final boolean enabled;
    private final LocalTime start;
    private final LocalTime end;
    private final ZoneId zone;
    private final List<String> urgentTemplates;

    public QuietHours(NotificationProperties.QuietHours settings) {
        this.enabled = settings.isEnabled();
        this.start = settings.getStart();
        this.end = settings.getEnd();
        this.zone = ZoneId.of(settings.getZone());
        this.urgentTemplates = List.copyOf(settings.getUrgentTemplates());
    }

    public boolean isUrgent(String itemCode, String templateEvent) {
        return urgentTemplates.contains(templateEvent) || urgentTemplates.contains(itemCode + ":" + templateEvent);
    }

    public boolean isQuiet(Instant at) {
        if (!enabled || start.equals(end)) {
            return false;
        }
        LocalTime time = at.atZone(zone).toLocalTime();
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** {@code at} itself when it is not quiet, else the end of the quiet period it falls in. */
    public Instant nextAllowed(Instant at) {
        if (!isQuiet(at)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime endToday = local.toLocalDate().atTime(end).atZone(zone);
        return (endToday.isAfter(local) ? endToday : endToday.plusDays(1)).toInstant();
    }
}
