package org.jingban.platform.web.expiry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes expired records every interval: MongoDB's TTL index does it on its own, the local stack's embedded store
 * keeps the index but never expires, so without this such a collection (idempotency keys, inbox marks) grew by one
 * record per request for ever. The sweep is given as "delete what expired at this instant, say how many", through the
 * TTL index's field (the embedded store answers a date range through its index). The first sweep runs one interval
 * after the start, never at start-up; a failed sweep is logged and tried again at the next.
 */
public class ExpirySweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);

    private final String what;
    private final Function<Instant, Mono<Long>> expire;
    private final Duration interval;
    private final Clock clock;
    private volatile Disposable running;

    /**
     * @param what     the records, as the log names them (幂等键, 办件事件处理标记 …)
     * @param expire   deletes the records expired at the given instant; emits how many
     * @param interval between sweeps; zero or negative: never
     */
    public ExpirySweep(String what, Function<Instant, Mono<Long>> expire, Duration interval) {
        this(what, expire, interval, Clock.systemUTC());
    }

    ExpirySweep(String what, Function<Instant, Mono<Long>> expire, Duration interval, Clock clock) {
        this.what = what;
        this.expire = expire;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public void start() {
        if (interval == null || interval.isZero() || interval.isNegative()) {
            return;
        }
        running = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(() -> expire.apply(clock.instant()))
                        .doOnNext(deleted -> {
                            if (deleted > 0) {
                                log.info("删除过期{} {} 条", what, deleted);
                            }
                        })
                        .doOnError(e -> log.warn("过期{}未能删除，下次再试: {}", what, e.toString()))
                        .onErrorComplete())
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        running = null;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable current = running;
        return current != null && !current.isDisposed();
    }
}
