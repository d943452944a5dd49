package org.jingban.offsitefiling.api;

/** The topic offsite-filing-service publishes on: its case events and {@link FilingEvents}, keyed by aggregate id. */
public final class OffsiteFilingTopics {

    public static final String EVENTS = "jingban.offsite-filing.events";

    private OffsiteFilingTopics() {
    }
}
