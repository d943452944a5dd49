package org.jingban.notification.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jingban.notification.channel.ChannelKind;
import org.jingban.notification.digest.CaseDeadline;
import org.jingban.notification.message.Delivery;
import org.jingban.notification.message.Dispatcher;
import org.jingban.notification.message.Notification;
import org.jingban.notification.message.QuietHours;
import org.jingban.notification.recipient.ChannelChooser;
import org.jingban.notification.recipient.ContactBook;
import org.jingban.notification.recipient.RecipientContact;
import org.jingban.notification.template.MissingTemplateValuesException;
import org.jingban.notification.template.TemplateChoice;
import org.jingban.notification.template.TemplateRenderer;
import org.jingban.notification.template.TemplateValues;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseEventData;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.catalog.MessageTemplate;
import org.jingban.platform.catalog.Office;
import org.jingban.platform.catalog.UnknownItemException;
import org.jingban.platform.messaging.InboxApplier;
import org.jingban.platform.messaging.ReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * What a case event (jingban.case.*.v1, from any service's topic) does here: it updates the deadline read model
 * and, when the item's catalog entry has a template for it, stores one {@link Notification} per case and template
 * — the id {@code <caseId>:<template>} is the unique key, so a redelivered or repeated event (a restart, a replay,
 * the relay publishing twice) finds it stored and adds nothing.
 */
public class CaseEventIntake {

    private static final Logger log = LoggerFactory.getLogger(CaseEventIntake.class);
    static final String CASE_EVENT_PREFIX = "jingban.case.";

    private final ReactiveMongoTemplate mongo;
    private final InboxApplier inbox;
    private final Catalog catalog;
    private final ContactBook contacts;
    private final QuietHours quietHours;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final Counter duplicates;
    private final Counter created;
    private final Counter unrenderable;

    public CaseEventIntake(ReactiveMongoTemplate mongo, InboxApplier inbox, Catalog catalog, ContactBook contacts,
                           QuietHours quietHours, Dispatcher dispatcher, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.inbox = inbox;
        this.catalog = catalog;
        this.contacts = contacts;
        this.quietHours = quietHours;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.duplicates = Counter.builder("jingban.notifications.duplicates")
                .description("Case events that asked again for a message already made").register(meters);
        this.created = Counter.builder("jingban.notifications.created").description("Notifications made").register(meters);
        this.unrenderable = Counter.builder("jingban.notifications.unrenderable")
                .description("Notifications that could not be rendered (dead letters)").register(meters);
    }

    public Mono<Void> handle(ReceivedEvent event) {
        if (event.type() == null || !event.type().startsWith(CASE_EVENT_PREFIX)) {
            return Mono.empty();
        }
        CaseEventData data = event.data(CaseEventData.class);
        if (data.caseId() == null) {
            return Mono.empty();
        }
        Instant at = event.time() != null ? event.time() : clock.instant();
        return inbox.applyOnceOrCreate(CaseDeadline.class, data.caseId(), CaseDeadline::new, event,
                        deadline -> deadline.apply(data, at))
                .then(notify(event, data));
    }

    private Mono<Void> notify(ReceivedEvent event, CaseEventData data) {
        if (!TemplateChoice.mayNotify(event.type())) {
            return Mono.empty();
        }
        ItemDefinition item;
        try {
            item = catalog.item(data.itemCode(), data.regionCode());
        } catch (UnknownItemException | IllegalArgumentException e) {
            return store(Notification.unrenderable(data.caseId(), data.caseNumber(), data.itemCode(), data.regionCode(),
                    CaseEvents.shortName(event.type()), event.id(), event.type(),
                    "事项清单中没有该事项：" + e.getMessage(), clock.instant()));
        }
        Optional<MessageTemplate> template = TemplateChoice.forEvent(event.type(), data, item);
        if (template.isEmpty()) {
            return Mono.empty();
        }
        String id = Notification.idOf(data.caseId(), template.get().event());
        return mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)), Notification.class)
                .flatMap(exists -> {
                    if (exists) {
                        duplicates.increment();
                        return Mono.empty();
                    }
                    return build(event, data, item, template.get()).flatMap(this::store);
                });
    }

    private Mono<Notification> build(ReceivedEvent event, CaseEventData data, ItemDefinition item,
                                     MessageTemplate template) {
        Instant now = clock.instant();
        String officeName = TemplateValues.office(item, catalog).map(Office::name).orElse(null);
        Map<String, String> values = TemplateValues.of(data, item, catalog, completedOn(event));
        String text;
        try {
            text = TemplateRenderer.render(template, officeName, values);
        } catch (MissingTemplateValuesException e) {
            return Mono.just(Notification.unrenderable(data.caseId(), data.caseNumber(), data.itemCode(),
                    data.regionCode(), template.event(), event.id(), event.type(), e.getMessage(), now));
        }
        // by the catalog's placeholder names (the providers' template variables: 日期 → date), each with the value
        // the text got (a "…已完成" date is the completion's)
        Map<String, String> used = new java.util.LinkedHashMap<>();
        List<String> names = template.placeholders();
        List<String> valueNames = TemplateRenderer.valueNames(template);
        for (int i = 0; i < names.size(); i++) {
            used.put(names.get(i), values.get(valueNames.get(i)));
        }
        boolean urgent = quietHours.isUrgent(item.code(), template.event());
        String recipientId = data.applicant() == null ? null : data.applicant().id();
        Mono<RecipientContact> contact = recipientId == null ? Mono.empty() : contacts.find(recipientId);
        return contact.map(Optional::of).defaultIfEmpty(Optional.empty()).map(found -> {
            List<Delivery> deliveries = new ArrayList<>();
            for (ChannelKind kind : ChannelChooser.choose(found.orElse(null), data.channel())) {
                String address = kind == ChannelKind.INBOX ? recipientId : found.get().addressFor(kind);
                boolean quiet = kind == ChannelKind.SMS && !urgent && quietHours.isQuiet(now);
                deliveries.add(new Delivery(kind, address, quiet ? quietHours.nextAllowed(now) : now, quiet));
            }
            return Notification.rendered(data.caseId(), data.caseNumber(), item.code(), item.name(), data.regionCode(),
                    template.event(), event.id(), event.type(), recipientId,
                    data.applicant() == null ? null : data.applicant().kind(), values.get("称呼"), officeName,
                    data.submittedOn(), data.channel(), text, used, urgent, deliveries, now);
        });
    }

    /**
     * The day a {@code completed} event's case was completed, in Asia/Shanghai: the event's time (the kernel stamps
     * it when the case completes, and a redelivery or replay keeps it); the time of receipt only for an event
     * without one. Null for any other event.
     */
    private LocalDate completedOn(ReceivedEvent event) {
        if (!CaseEvents.COMPLETED.equals(event.type())) {
            return null;
        }
        Instant at = event.time() != null ? event.time() : clock.instant();
        return LocalDate.ofInstant(at, Case.ZONE);
    }

    private Mono<Void> store(Notification notification) {
        return mongo.insert(notification)
                .doOnNext(saved -> {
                    if (saved.isUnrenderable()) {
                        unrenderable.increment();
                        log.warn("消息无法生成，已列入死信: {} ({})", saved.getId(), saved.getProblem());
                    } else {
                        created.increment();
                        dispatcher.nudge();
                    }
                })
                .onErrorResume(DuplicateKeyException.class, e -> {
                    duplicates.increment();
                    return Mono.empty();
                })
                .then();
    }

    public double duplicatesSuppressed() {
        return duplicates.count();
    }
}
