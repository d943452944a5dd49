package org.jingban.gateway.edge;

/**
 * A token bucket: {@code capacity} tokens, refilled continuously at {@code refillPerSecond}. In memory,
 * per gateway instance (docs/adr/security.md: with N instances a client gets up to N times the limit).
 */
final class TokenBucket {

    private final int capacity;
    private final double refillPerNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(int capacity, double refillPerSecond, long now) {
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1_000_000_000d;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes one token: 0 if granted, else the nanoseconds until one will be there. */
    synchronized long take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return refillPerNano <= 0 ? Long.MAX_VALUE : (long) Math.ceil((1 - tokens) / refillPerNano);
    }

    /** Whether the bucket has been full (idle) since at least this long ago; full buckets can be forgotten. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        if (now > updatedAt) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * refillPerNano);
            updatedAt = now;
        }
    }
}
