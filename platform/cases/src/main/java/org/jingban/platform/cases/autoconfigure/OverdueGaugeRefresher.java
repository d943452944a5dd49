package org.jingban.platform.cases.autoconfigure;

import java.time.Duration;

import org.jingban.platform.cases.application.CaseService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/** Recounts overdue cases into the gauge on a fixed period while the application runs. */
class OverdueGaugeRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OverdueGaugeRefresher.class);

    private final CaseService service;
    private final Duration period;
    private volatile Disposable running;

    OverdueGaugeRefresher(CaseService service, Duration period) {
        this.service = service;
        this.period = period;
    }

    @Override
    public void start() {
        if (period == null || period.isZero() || period.isNegative()) {
            return;
        }
        running = Flux.interval(Duration.ofSeconds(5), period)
                .concatMap(tick -> service.refreshOverdueGauge()
                        .doOnError(e -> log.warn("could not count overdue cases: {}", e.toString()))
                        .onErrorComplete())
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null && !running.isDisposed();
    }
}
