package org.jingban.notification.message;

/** Where one channel's delivery of a message stands. */
public enum DeliveryStatus {
    /** waiting for its due time (first try, a retry after backoff, or quiet hours) */
    PENDING,
    /** claimed by a dispatcher; if the lease runs out (a crash) it is due again */
    SENDING,
    SENT,
    /** every attempt failed: a dead letter for ops */
    DEAD
}
