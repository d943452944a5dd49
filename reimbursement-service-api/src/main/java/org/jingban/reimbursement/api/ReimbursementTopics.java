package org.jingban.reimbursement.api;

/** The topic reimbursement-service publishes on: its case events and its domain events, keyed by aggregate id. */
public final class ReimbursementTopics {

    public static final String EVENTS = "jingban.reimbursement.events";

    private ReimbursementTopics() {
    }
}
