package org.jingban.platform.messaging;

/**
 * Marks a listener that builds a read model from another service's events — what the service decides with (coverage,
 * filings, agreements, entitlements, balances): {@code @KafkaListener(containerGroup = ReadModels.CONTAINER_GROUP, …)}.
 * The service reports itself not ready until these listeners have caught up with their topics as they were at start
 * (platform/service-starter {@code ReadModelReadiness}), so that it does not refuse applications on a stale picture.
 */
public final class ReadModels {

    /** The {@code containerGroup} of every read-model listener. */
    public static final String CONTAINER_GROUP = "jingban-read-models";

    private ReadModels() {
    }
}
