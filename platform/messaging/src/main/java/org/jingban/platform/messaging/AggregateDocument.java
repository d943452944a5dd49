package org.jingban.platform.messaging;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * Base of every aggregate a service stores in MongoDB (聚合文档). The document carries its own pending
 * events (the embedded outbox) and the ids of the events it has already applied (the embedded inbox),
 * because the store has no multi-document transactions: a state change and the events it causes are
 * written together in one single-document write, and a redelivered event changes nothing.
 */
public abstract class AggregateDocument {

    /**
     * How many applied event ids the inbox keeps. Kafka redelivers only what a consumer had not yet
     * committed (a crash or rebalance), i.e. the last few events per partition; 500 ids of one
     * aggregate cover that window many times over while keeping the document small (~20 KB of ids,
     * far below the 16 MB document limit) for aggregates that live for years.
     */
    public static final int INBOX_CAPACITY = 500;

    @Id
    protected String id;

    @Version
    protected Long version;

    /** Pending events, oldest first; the outbox relay publishes and then removes them. */
    protected List<OutboxEvent> outbox = new ArrayList<>();

    /**
     * {@code true} while the outbox may hold events, absent otherwise: the relay finds pending aggregates through a
     * sparse index on it ({@value OutboxRelay#PENDING_FIELD}) instead of reading every document of the collection.
     * Set by {@link #enqueue}; removed by the relay in the same atomic update that finds the outbox empty.
     */
    protected Boolean outboxPending;

    /** Ids of consumed events already applied to this aggregate, oldest first, at most {@link #INBOX_CAPACITY}. */
    protected List<String> inbox = new ArrayList<>();

    public String getId() {
        return id;
    }

    public Long getVersion() {
        return version;
    }

    /** The pending events, oldest first (read-only view). */
    public List<OutboxEvent> getOutbox() {
        return List.copyOf(outbox);
    }

    /** The ids of the events applied, oldest first (read-only view). */
    public List<String> getInbox() {
        return List.copyOf(inbox);
    }

    /** Adds an event to publish; it leaves with the next save of this document. */
    public void enqueue(OutboxEvent event) {
        if (event == null) {
            throw new IllegalArgumentException("event must not be null");
        }
        if (outbox == null) {
            outbox = new ArrayList<>();
        }
        outbox.add(event);
        outboxPending = Boolean.TRUE;
    }

    public boolean hasApplied(String eventId) {
        return inbox != null && inbox.contains(eventId);
    }

    /** Records that the event was applied; forgets the oldest ids beyond {@link #INBOX_CAPACITY}. */
    public void markApplied(String eventId) {
        if (inbox == null) {
            inbox = new ArrayList<>();
        }
        if (inbox.contains(eventId)) {
            return;
        }
        inbox.add(eventId);
        if (inbox.size() > INBOX_CAPACITY) {
            inbox.subList(0, inbox.size() - INBOX_CAPACITY).clear();
        }
    }
}
