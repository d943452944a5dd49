package org.jingban.offsitefiling.onething;

import java.time.Duration;

import org.jingban.platform.web.periodic.PeriodicTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every {@code jingban.offsite-filing.one-thing.sweep-interval} (5 min): bundles whose 备案 part still waits
 * {@code jingban.offsite-filing.one-thing.sweep-grace} (2 min) after submission are settled from their 备案 case
 * ({@link OneThingApplications#sweep}).
 */
@Component
class OneThingSweep extends PeriodicTask {

    OneThingSweep(OneThingApplications applications,
                  @Value("${jingban.offsite-filing.one-thing.sweep-interval:5m}") Duration interval,
                  @Value("${jingban.offsite-filing.one-thing.sweep-grace:2m}") Duration grace) {
        super("一件事巡检", interval, () -> applications.sweep(grace));
    }
}
