package org.jingban.platform.web.expiry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import org.jingban.platform.web.periodic.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Deletes expired records every interval: MongoDB's TTL index does it on its own, the local stack's embedded store
 * keeps the index but never expires, so without this such a collection (idempotency keys, inbox marks) grew by one
 * record per request for ever. The sweep is given as "delete what expired at this instant, say how many", through the
 * TTL index's field (the embedded store answers a date range through its index). The first sweep runs one interval
 * after the start, never at start-up; a failed sweep is logged and tried again at the next ({@link PeriodicTask}).
 */
public class ExpirySweep extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);

    /**
     * @param what     the records, as the log names them (幂等键, 办件事件处理标记 …)
     * @param expire   deletes the records expired at the given instant; emits how many
     * @param interval between sweeps; zero or negative: never
     */
    public ExpirySweep(String what, Function<Instant, Mono<Long>> expire, Duration interval) {
        this(what, expire, interval, Clock.systemUTC());
    }

    ExpirySweep(String what, Function<Instant, Mono<Long>> expire, Duration interval, Clock clock) {
        super("过期" + what + "删除", interval, () -> expire.apply(clock.instant()).doOnNext(deleted -> {
            if (deleted > 0) {
                log.info("删除过期{} {} 条", what, deleted);
            }
        }));
    }
}
