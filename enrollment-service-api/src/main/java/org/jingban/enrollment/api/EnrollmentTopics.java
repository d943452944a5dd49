package org.jingban.enrollment.api;

/**
 * enrollment-service's topic (ARCHITECTURE.md §5): CloudEvents 1.0 in binary mode, JSON data, key = the event's subject
 * so that one person's (one account's) events stay in order.
 */
public final class EnrollmentTopics {

    /** Every event of enrollment-service: {@link PersonEvents}, {@link AccountEvents}, {@link TransferHooks#REFUSED}. */
    public static final String EVENTS = "jingban.enrollment.events";

    private EnrollmentTopics() {
    }
}
