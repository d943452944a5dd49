package org.jingban.notification.message;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jingban.notification.channel.ChannelKind;
import org.jingban.notification.channel.OutgoingMessage;
import org.jingban.platform.cases.Party;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message of the catalog for one case (消息): the id is {@code <caseId>:<template event>}, so a case gets each
 * template at most once however often its events arrive. It holds the rendered text and one {@link Delivery} per
 * chosen channel. A notification that cannot be rendered (unknown item, missing amount …) is kept as
 * {@link #isUnrenderable() unrenderable} with the reason: a dead letter for ops.
 */
@Document("notifications")
public class Notification {

    @Id
    private String id;
    @Version
    private Long version;
    private String caseId;
    private String caseNumber;
    private String itemCode;
    private String itemName;
    private String regionCode;
    private String templateEvent;
    private String eventId;
    private String eventType;
    private String recipientId;
    private Party.Kind recipientKind;
    private String recipientName;
    private String officeName;
    private LocalDate submittedOn;
    /** the case's channel (窗口, 网厅, 小程序 …): decides the order of the channels tried */
    private org.jingban.platform.cases.Channel caseChannel;
    private String text;
    private Map<String, String> values;
    private boolean urgent;
    private String problem;
    private Instant createdAt;
    /** the earliest time a delivery needs the dispatcher; null when every delivery is done */
    @Indexed
    private Instant nextDueAt;
    private List<Delivery> deliveries = new ArrayList<>();

    protected Notification() {
    }

    public static String idOf(String caseId, String templateEvent) {
        return caseId + ":" + templateEvent;
    }

    /** A rendered message with its deliveries, for a case of {@code caseChannel}. */
    public static Notification rendered(String caseId, String caseNumber, String itemCode, String itemName,
                                        String regionCode, String templateEvent, String eventId, String eventType,
                                        String recipientId, Party.Kind recipientKind, String recipientName,
                                        String officeName, LocalDate submittedOn,
                                        org.jingban.platform.cases.Channel caseChannel, String text,
                                        Map<String, String> values, boolean urgent, List<Delivery> deliveries,
                                        Instant now) {
        Notification n = rendered(caseId, caseNumber, itemCode, itemName, regionCode, templateEvent, eventId,
                eventType, recipientId, recipientKind, recipientName, officeName, submittedOn, text, values, urgent,
                deliveries, now);
        n.caseChannel = caseChannel;
        return n;
    }

    /** A rendered message with its deliveries. */
    public static Notification rendered(String caseId, String caseNumber, String itemCode, String itemName,
                                        String regionCode, String templateEvent, String eventId, String eventType,
                                        String recipientId, Party.Kind recipientKind, String recipientName,
                                        String officeName,
                                        LocalDate submittedOn, String text, Map<String, String> values,
                                        boolean urgent, List<Delivery> deliveries, Instant now) {
        Notification n = new Notification();
        n.id = idOf(caseId, templateEvent);
        n.caseId = caseId;
        n.caseNumber = caseNumber;
        n.itemCode = itemCode;
        n.itemName = itemName;
        n.regionCode = regionCode;
        n.templateEvent = templateEvent;
        n.eventId = eventId;
        n.eventType = eventType;
        n.recipientId = recipientId;
        n.recipientKind = recipientKind;
        n.recipientName = recipientName;
        n.officeName = officeName;
        n.submittedOn = submittedOn;
        n.text = Objects.requireNonNull(text);
        n.values = Map.copyOf(values);
        n.urgent = urgent;
        n.createdAt = now;
        n.deliveries = new ArrayList<>(deliveries);
        n.refreshNextDue();
        return n;
    }

    /** A message the catalog or the event does not allow to render: kept, not sent, listed for ops. */
    public static Notification unrenderable(String caseId, String caseNumber, String itemCode, String regionCode,
                                            String templateEvent, String eventId, String eventType, String problem,
                                            Instant now) {
        Notification n = new Notification();
        n.id = idOf(caseId, templateEvent);
        n.caseId = caseId;
        n.caseNumber = caseNumber;
        n.itemCode = itemCode;
        n.regionCode = regionCode;
        n.templateEvent = templateEvent;
        n.eventId = eventId;
        n.eventType = eventType;
        n.problem = problem;
        n.createdAt = now;
        return n;
    }

    public OutgoingMessage outgoing(Delivery delivery) {
        return new OutgoingMessage(id + ":" + delivery.getChannel().name(), id, caseId, caseNumber, itemCode, itemName,
                regionCode, itemCode + ":" + templateEvent, templateEvent, recipientId, recipientKind, recipientName, officeName,
                delivery.getAddress(), text, values, submittedOn);
    }

    public Delivery delivery(ChannelKind channel) {
        return deliveries.stream().filter(d -> d.getChannel() == channel).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + channel + " delivery in " + id));
    }

    /**
     * Adds a delivery on another channel (the one before it could not reach the recipient); false when the
     * notification already has one there (one delivery per case, template and channel).
     */
    boolean addDelivery(Delivery delivery) {
        if (deliveries.stream().anyMatch(d -> d.getChannel() == delivery.getChannel())) {
            return false;
        }
        deliveries.add(delivery);
        return true;
    }

    void refreshNextDue() {
        nextDueAt = deliveries.stream().map(Delivery::nextLook).filter(Objects::nonNull).min(Instant::compareTo)
                .orElse(null);
    }

    public boolean isUnrenderable() {
        return problem != null;
    }

    public boolean hasDeadLetters() {
        return isUnrenderable() || deliveries.stream().anyMatch(d -> d.getStatus() == DeliveryStatus.DEAD);
    }

    public String getId() { return id; }
    public Long getVersion() { return version; }
    public String getCaseId() { return caseId; }
    public String getCaseNumber() { return caseNumber; }
    public String getItemCode() { return itemCode; }
    public String getItemName() { return itemName; }
    public String getRegionCode() { return regionCode; }
    public String getTemplateEvent() { return templateEvent; }
    public String getEventId() { return eventId; }
    public String getEventType() { return eventType; }
    public String getRecipientId() { return recipientId; }
    public Party.Kind getRecipientKind() { return recipientKind; }
    public String getRecipientName() { return recipientName; }
    public String getOfficeName() { return officeName; }
    public LocalDate getSubmittedOn() { return submittedOn; }
    public org.jingban.platform.cases.Channel getCaseChannel() { return caseChannel; }
    public String getText() { return text; }
    public Map<String, String> getValues() { return values; }
    public boolean isUrgent() { return urgent; }
    public String getProblem() { return problem; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getNextDueAt() { return nextDueAt; }
    public List<Delivery> getDeliveries() { return List.copyOf(deliveries); }
}
