package org.jingban.settlement.api;

/** The topic settlement-service publishes on: its case events and {@link SettlementEvents}, keyed by aggregate id. */
public final class SettlementTopics {

    public static final String EVENTS = "jingban.settlement.events";

    private SettlementTopics() {
    }
}
