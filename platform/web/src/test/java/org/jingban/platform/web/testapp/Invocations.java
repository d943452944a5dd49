package org.jingban.platform.web.testapp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts how often each handler ran, per caller-chosen reference, so tests can tell a replay from a rerun. */
public class Invocations {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicInteger serial = new AtomicInteger();

    /** Counts one run for {@code ref}; returns a serial number unique across all runs. */
    public int record(String ref) {
        counts.computeIfAbsent(ref, r -> new AtomicInteger()).incrementAndGet();
        return serial.incrementAndGet();
    }

    public int count(String ref) {
        AtomicInteger count = counts.get(ref);
        return count == null ? 0 : count.get();
    }
}
