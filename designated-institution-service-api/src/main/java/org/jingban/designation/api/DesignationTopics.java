package org.jingban.designation.api;

/** The topic designated-institution-service publishes on: its case events and agreement events, keyed by aggregate id. */
public final class DesignationTopics {

    public static final String EVENTS = "jingban.designated-institution.events";

    private DesignationTopics() {
    }
}
