package org.jingban.platform.web.periodic;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A pass run every interval while the application runs (sweeps, expiries): the first one interval after the start,
 * never at start-up; one at a time (a pass still running when the next is due makes that one wait, then it is
 * dropped); a failed pass is logged and the next one runs as planned. A zero or negative interval: never.
 */
public class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String what;
    private final Duration interval;
    private final Supplier<Mono<?>> pass;
    private volatile Disposable running;

    /**
     * @param what     the pass, as the failure log names it (过期幂等键删除, 一件事巡检 …)
     * @param interval between passes
     * @param pass     one pass
     */
    public PeriodicTask(String what, Duration interval, Supplier<Mono<?>> pass) {
        this.what = what;
        this.interval = interval;
        this.pass = pass;
    }

    @Override
    public void start() {
        if (interval == null || interval.isZero() || interval.isNegative()) {
            return;
        }
        running = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(pass)
                        .doOnError(e -> log.warn("{}未完成，下次再试: {}", what, e.toString()))
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
