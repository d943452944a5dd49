package org.jingban.platform.cases;

/** A case event as the aggregate returns it; the same data sits in the case's outbox. */
public record CaseEvent(String type, CaseEventData data) {
}
