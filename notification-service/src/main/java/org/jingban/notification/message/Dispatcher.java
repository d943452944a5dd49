package org.jingban.notification.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jingban.notification.NotificationProperties;
import org.jingban.notification.channel.ChannelKind;
import org.jingban.notification.channel.MessageChannel;
import org.jingban.notification.channel.ProviderException;
import org.jingban.notification.channel.ProviderGateway;
import org.jingban.notification.recipient.ChannelChooser;
import org.jingban.notification.recipient.ContactBook;
import org.jingban.notification.recipient.RecipientContact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Sends due deliveries (发送): claims each (a versioned write, so two instances never both send), hands it to its
 * channel, and records the outcome — sent; or retried after a doubling backoff; or, after {@code max-attempts}, a
 * dead letter. SMS in quiet hours is deferred to their end; a provider out of rate-limit tokens waits for the next
 * pass. The claim has a lease: after a crash the delivery is sent again with the same idempotency key, which the
 * local sink and the real providers' send journal use to keep it one message. A provider's refusal says what
 * follows ({@link ProviderException.Disposition}): retry after the backoff; a dead letter at once (the request is
 * wrong, or its outcome is unknown and a resend could double it); or the next channel the recipient can be reached
 * by (this one is closed as a dead letter with the reason, the new one is due at once).
 */
public class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** Longer than a real client's worst case (token renewal and a second send, each within http.request-timeout). */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(10);

    private final ReactiveMongoTemplate mongo;
    private final Map<ChannelKind, MessageChannel> channels;
    private final QuietHours quietHours;
    private final ProviderRateLimiter rateLimiter;
    private final NotificationProperties.Dispatch settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ContactBook contacts;
    private final ProviderGateway gateway;
    private final AtomicBoolean nudged = new AtomicBoolean();
    private ScheduledExecutorService executor;

    public Dispatcher(ReactiveMongoTemplate mongo, List<MessageChannel> channels, QuietHours quietHours,
                      ProviderRateLimiter rateLimiter, NotificationProperties.Dispatch settings, Clock clock,
                      MeterRegistry meters, ContactBook contacts, ProviderGateway gateway) {
        this.contacts = contacts;
        this.gateway = gateway;
        this.mongo = mongo;
        this.channels = new java.util.EnumMap<>(ChannelKind.class);
        channels.forEach(c -> this.channels.put(c.kind(), c));
        this.quietHours = quietHours;
        this.rateLimiter = rateLimiter;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public synchronized void start() {
        if (executor != null || !settings.isEnabled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notification-dispatcher");
            t.setDaemon(true);
            return t;
        });
        long every = settings.getPollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::safePass, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Asks for a pass soon (a new notification was stored). */
    public void nudge() {
        ScheduledExecutorService current = executor;
        if (current != null && nudged.compareAndSet(false, true)) {
            try {
                current.execute(() -> {
                    nudged.set(false);
                    safePass();
                });
            } catch (RuntimeException rejected) {
                nudged.set(false);
            }
        }
    }

    private void safePass() {
        try {
            pass();
        } catch (RuntimeException e) {
            log.warn("消息发送轮次失败，稍后重试: {}", e.toString());
        }
    }

    /** One pass over the due deliveries; public for tests and ops tooling. */
    public synchronized int pass() {
        Instant now = clock.instant();
        List<Notification> due = mongo.find(new Query(Criteria.where("nextDueAt").lte(now))
                        .with(Sort.by("nextDueAt")).limit(settings.getBatchSize()), Notification.class)
                .collectList().block(STORE_TIMEOUT);
        int handled = 0;
        for (Notification notification : due == null ? List.<Notification>of() : due) {
            for (Delivery delivery : notification.getDeliveries()) {
                if (delivery.dueAt(now) && handle(notification.getId(), delivery.getChannel())) {
                    handled++;
                }
            }
        }
        return handled;
    }

    private boolean handle(String notificationId, ChannelKind kind) {
        Notification n = mongo.findById(notificationId, Notification.class).block(STORE_TIMEOUT);
        Instant now = clock.instant();
        if (n == null) {
            return false;
        }
        Delivery d = n.delivery(kind);
        if (!d.dueAt(now)) {
            return false;
        }
        if (kind == ChannelKind.SMS && !n.isUrgent() && quietHours.isQuiet(now)) {
            d.postpone(quietHours.nextAllowed(now), true);
            save(n);
            return false;
        }
        if (!rateLimiter.tryAcquire(kind.provider())) {
            return false;
        }
        d.claim(now, now.plus(settings.getLease()));
        Notification claimed = save(n);
        if (claimed == null) {
            return false; // another instance claimed it first
        }
        MessageChannel channel = channels.get(kind);
        String messageId = null;
        String error = null;
        ProviderException.Disposition disposition = ProviderException.Disposition.RETRY;
        try {
            if (channel == null) {
                throw new IllegalStateException("渠道未配置: " + kind);
            }
            messageId = channel.deliver(claimed.outgoing(claimed.delivery(kind))).block(SEND_TIMEOUT);
        } catch (ProviderException e) {
            error = e.getMessage();
            disposition = e.disposition();
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        ChannelKind next = disposition == ProviderException.Disposition.NEXT_CHANNEL ? nextChannel(claimed, kind) : null;
        record(notificationId, kind, messageId, error, disposition, next);
        return true;
    }

    /** The channel after {@code failed} that the recipient can be reached by now, or null. */
    private ChannelKind nextChannel(Notification n, ChannelKind failed) {
        if (n.getRecipientId() == null) {
            return null;
        }
        RecipientContact contact = contacts.find(n.getRecipientId()).block(STORE_TIMEOUT);
        java.util.Set<ChannelKind> tried = java.util.EnumSet.of(failed);
        n.getDeliveries().forEach(d -> tried.add(d.getChannel()));
        return ChannelChooser.next(contact, n.getCaseChannel(), tried).orElse(null);
    }

    private void record(String notificationId, ChannelKind kind, String messageId, String error,
                        ProviderException.Disposition disposition, ChannelKind next) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Notification n = mongo.findById(notificationId, Notification.class).block(STORE_TIMEOUT);
            if (n == null) {
                return;
            }
            Delivery d = n.delivery(kind);
            Instant now = clock.instant();
            boolean dead = false;
            boolean moved = false;
            String reason = error;
            if (error == null) {
                d.sent(now, messageId);
            } else {
                dead = disposition != ProviderException.Disposition.RETRY || d.getAttempts() >= settings.getMaxAttempts();
                if (disposition == ProviderException.Disposition.NEXT_CHANNEL) {
                    reason = error + (next == null ? "（无其他可用渠道，站内信已送达）" : "（改由" + next.label() + "发送）");
                    if (next != null) {
                        String address = contacts.find(n.getRecipientId()).blockOptional(STORE_TIMEOUT)
                                .map(c -> c.addressFor(next)).orElse(null);
                        moved = address != null && n.addDelivery(new Delivery(next, address, now, false));
                    }
                }
                d.failed(reason, now.plus(backoff(d.getAttempts())), dead);
            }
            if (save(n) != null) {
                count(error == null ? "sent" : moved ? "next-channel" : dead ? "dead" : "retry", kind);
                if (moved) {
                    log.info("渠道无法送达，改用下一渠道: {} {} → {} ({})", notificationId, kind, next, reason);
                    nudge();
                } else if (dead) {
                    log.warn("消息发送失败{}次，已转为死信: {} 渠道 {} ({})", d.getAttempts(), notificationId, kind, error);
                } else if (error != null) {
                    log.info("消息发送失败，将重试: {} 渠道 {} 第{}次 ({})", notificationId, kind, d.getAttempts(), error);
                }
                return;
            }
        }
        log.warn("无法记录发送结果（并发修改）: {} 渠道 {}", notificationId, kind);
    }

    Duration backoff(int attempts) {
        Duration wait = settings.getInitialBackoff();
        for (int i = 1; i < attempts && wait.compareTo(settings.getMaxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.getMaxBackoff()) > 0 ? settings.getMaxBackoff() : wait;
    }

    /** Saves with the version check; null when someone else changed it meanwhile. */
    private Notification save(Notification n) {
        n.refreshNextDue();
        try {
            return mongo.save(n).block(STORE_TIMEOUT);
        } catch (OptimisticLockingFailureException e) {
            return null;
        }
    }

    private void count(String outcome, ChannelKind kind) {
        Counter.builder("jingban.notifications.deliveries").tag("outcome", outcome).tag("channel", kind.name())
                .description("Delivery attempts of notifications by outcome").register(meters).increment();
    }

    /** Ops: a dead delivery gets its attempts back and is due now. */
    public boolean revive(String notificationId, ChannelKind kind) {
        Notification n = mongo.findById(notificationId, Notification.class).block(STORE_TIMEOUT);
        if (n == null) {
            return false;
        }
        Delivery d = n.delivery(kind);
        if (d.getStatus() != DeliveryStatus.DEAD) {
            return false;
        }
        // a real provider's call with an unknown outcome may be repeated now: ops decided so
        gateway.release(n.outgoing(d).deliveryKey()).onErrorReturn(false).block(STORE_TIMEOUT);
        d.revive(clock.instant());
        boolean saved = save(n) != null;
        nudge();
        return saved;
    }
}
