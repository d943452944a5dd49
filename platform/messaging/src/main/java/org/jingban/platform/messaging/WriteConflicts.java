package org.jingban.platform.messaging;

import java.time.Duration;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import reactor.util.retry.Retry;

/**
 * The one retry policy for a single-document write that lost a race: another writer saved the
 * aggregate first ({@code @Version}, {@link OptimisticLockingFailureException}) or inserted the same
 * unique key first ({@link DuplicateKeyException}, e.g. two consumers creating one aggregate). The
 * retried pipeline must load afresh and re-check its rules against what the other writer did, so
 * wrap the whole load → change → save in {@code Mono.defer(...).retryWhen(WriteConflicts.retry())}.
 *
 * <p>Backoff with jitter keeps two hot writers from colliding in lockstep; after the last attempt
 * the original failure surfaces (not Reactor's exhaustion wrapper), so callers and logs see the
 * real cause.
 */
public final class WriteConflicts {

    /** Enough for bursts of some tens of concurrent writers on one aggregate (measured: 40 parallel debits). */
    public static final int MAX_RETRIES = 20;

    private WriteConflicts() {
    }

    /** Retries on a lost optimistic-lock race or a duplicate key, 5 ms doubling up to 200 ms, 20 times. */
    public static Retry retry() {
        return retry(MAX_RETRIES);
    }

    public static Retry retry(int maxRetries) {
        return Retry.backoff(maxRetries, Duration.ofMillis(5))
                .maxBackoff(Duration.ofMillis(200))
                .filter(WriteConflicts::isConflict)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }

    /** Retries only a lost optimistic-lock race (a duplicate key is a real refusal, e.g. a used idempotency key). */
    public static Retry retryOptimisticLock() {
        return Retry.backoff(MAX_RETRIES, Duration.ofMillis(5))
                .maxBackoff(Duration.ofMillis(200))
                .filter(OptimisticLockingFailureException.class::isInstance)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }

    public static boolean isConflict(Throwable e) {
        return e instanceof OptimisticLockingFailureException || e instanceof DuplicateKeyException;
    }
}
