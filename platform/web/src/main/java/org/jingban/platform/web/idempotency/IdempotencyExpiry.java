package org.jingban.platform.web.idempotency;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Deletes expired idempotency records every interval ({@link IdempotencyStore#expire}): MongoDB's TTL index does it on
 * its own, the local stack's embedded store keeps the index but never expires, so without this its collection grew
 * by one record per request for ever. The first sweep runs one interval after the start, never at start-up.
 */
public class IdempotencyExpiry implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyExpiry.class);

    private final IdempotencyStore store;
    private final Duration interval;
    private final Clock clock;
    private volatile Disposable running;

    public IdempotencyExpiry(IdempotencyStore store, Duration interval) {
        this(store, interval, Clock.systemUTC());
    }

    IdempotencyExpiry(IdempotencyStore store, Duration interval, Clock clock) {
        this.store = store;
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
                .concatMap(tick -> store.expire(clock.instant())
                        .doOnNext(deleted -> {
                            if (deleted > 0) {
                                log.info("删除过期幂等键 {} 条（保留 {}）", deleted, store.ttl());
                            }
                        })
                        .doOnError(e -> log.warn("过期幂等键未能删除，下次再试: {}", e.toString()))
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
