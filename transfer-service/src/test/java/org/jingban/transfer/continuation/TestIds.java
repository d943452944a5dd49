package org.jingban.transfer.continuation;

import java.time.Duration;
import java.util.function.Supplier;

/** Helpers for the test that runs without the shared Spring test context. */
final class TestIds {

    private TestIds() {
    }

    static String idNumber() {
        return org.jingban.platform.security.test.TestIdentities.randomIdNumber();
    }

    static <T> T eventually(Supplier<T> supplier) {
        return org.jingban.platform.test.Eventually.until(Duration.ofSeconds(90), supplier);
    }
}
