package org.jingban.platform.test;

import java.time.Duration;
import java.util.function.Supplier;
import org.awaitility.Awaitility;

/** Waiting for an eventual result without asserting on time: polls until the supplier gives a non-null value. */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(100);

    private Eventually() {
    }

    /** The first non-null value the supplier gives within {@code timeout}; an assertion error after it. */
    public static <T> T until(Duration timeout, Supplier<T> supplier) {
        return Awaitility.await().atMost(timeout).pollInterval(POLL).pollDelay(Duration.ZERO)
                .until(supplier::get, value -> value != null);
    }
}
