package org.jingban.transfer.api;

/**
 * transfer-service's topic (ARCHITECTURE.md §5): CloudEvents 1.0 in binary mode, JSON data, key = the transfer id so
 * that one transfer's events stay in order.
 */
public final class TransferTopics {

    /**
     * Every event of transfer-service: {@link TransferEvents}, its case events, and the hook commands it sends to
     * enrollment-service ({@link TransferEvents#SUSPEND_REQUESTED} …).
     */
    public static final String EVENTS = "jingban.transfer.events";

    private TransferTopics() {
    }
}
