package org.jingban.notification.message;

import java.time.Instant;

import org.jingban.notification.channel.ChannelKind;

/** One channel's delivery of a notification, embedded in it (so creation and deliveries are one document write). */
public class Delivery {

    private ChannelKind channel;
    private String address;
    private DeliveryStatus status;
    private int attempts;
    private Instant dueAt;
    private Instant leaseUntil;
    private Instant sentAt;
    private String lastError;
    private String providerMessageId;
    /** set when quiet hours moved it */
    private boolean deferred;

    protected Delivery() {
    }

    public Delivery(ChannelKind channel, String address, Instant dueAt, boolean deferred) {
        this.channel = channel;
        this.address = address;
        this.status = DeliveryStatus.PENDING;
        this.dueAt = dueAt;
        this.deferred = deferred;
    }

    /** When the dispatcher should look at it next, or null when it is done. */
    Instant nextLook() {
        return switch (status) {
            case PENDING -> dueAt;
            case SENDING -> leaseUntil;
            case SENT, DEAD -> null;
        };
    }

    boolean dueAt(Instant now) {
        Instant next = nextLook();
        return next != null && !next.isAfter(now);
    }

    void claim(Instant now, Instant until) {
        status = DeliveryStatus.SENDING;
        attempts++;
        leaseUntil = until;
    }

    void sent(Instant now, String messageId) {
        status = DeliveryStatus.SENT;
        sentAt = now;
        providerMessageId = messageId;
        leaseUntil = null;
        lastError = null;
    }

    void failed(String error, Instant retryAt, boolean dead) {
        lastError = error;
        leaseUntil = null;
        if (dead) {
            status = DeliveryStatus.DEAD;
        } else {
            status = DeliveryStatus.PENDING;
            dueAt = retryAt;
        }
    }

    void postpone(Instant until, boolean quietHours) {
        status = DeliveryStatus.PENDING;
        dueAt = until;
        deferred = deferred || quietHours;
    }

    /** Ops gave a dead letter another chance. */
    void revive(Instant now) {
        status = DeliveryStatus.PENDING;
        attempts = 0;
        dueAt = now;
    }

    public ChannelKind getChannel() { return channel; }
    public String getAddress() { return address; }
    public DeliveryStatus getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Instant getDueAt() { return dueAt; }
    public Instant getLeaseUntil() { return leaseUntil; }
    public Instant getSentAt() { return sentAt; }
    public String getLastError() { return lastError; }
    public String getProviderMessageId() { return providerMessageId; }
    public boolean isDeferred() { return deferred; }
}
