package org.jingban.platform.web.periodic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class PeriodicTaskTest {

    @Test
    void passes_run_every_interval_and_a_failed_one_does_not_stop_the_next() {
        AtomicInteger passes = new AtomicInteger();
        PeriodicTask task = new PeriodicTask("测试巡检", Duration.ofMillis(20), () -> passes.incrementAndGet() % 2 == 1
                ? Mono.error(new IllegalStateException("store down")) : Mono.just("ok"));
        task.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> passes.get() >= 4);
            assertThat(task.isRunning()).isTrue();
        } finally {
            task.stop();
        }
        assertThat(task.isRunning()).isFalse();
    }

    @Test
    void no_interval_means_no_pass_and_none_at_start() {
        AtomicInteger passes = new AtomicInteger();
        PeriodicTask never = new PeriodicTask("测试巡检", Duration.ZERO, () -> Mono.fromRunnable(passes::incrementAndGet));
        never.start();
        assertThat(never.isRunning()).isFalse();
        PeriodicTask later = new PeriodicTask("测试巡检", Duration.ofHours(1), () -> Mono.fromRunnable(passes::incrementAndGet));
        later.start();
        later.stop();
        assertThat(passes).hasValue(0);
    }
}
