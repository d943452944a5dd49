package org.jingban.enrollment.account;

import java.time.Instant;
import java.util.List;

import org.jingban.offsitefiling.api.OneThingEvents;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.messaging.AggregateDocument;
import org.jingban.platform.messaging.OutboxEvent;
import org.springframework.data.mongodb.core.mapping.Document;
import org.jingban.enrollment.api.FamilySharingEvents;

/**
 * The answer to one 一件事's 家庭共济 request (id = the bundle's id): written once, with the answer event in its outbox and
 * the request's event id in its inbox, so that a redelivered request finds it and changes nothing.
 */
@Document("family_sharing_replies")
public class FamilySharingReply extends AggregateDocument {

    private String caseNumber;
    private String holderIdNumber;
    private List<String> bound;
    private List<Reason> reasons;
    private Instant answeredAt;

    FamilySharingReply() {
    }

    static FamilySharingReply answer(String bundleId, String caseNumber, String holderIdNumber, String regionCode,
                                     List<String> bound, List<Reason> reasons, Instant at) {
        FamilySharingReply r = new FamilySharingReply();
        r.id = bundleId;
        r.caseNumber = caseNumber;
        r.holderIdNumber = holderIdNumber;
        r.bound = List.copyOf(bound);
        r.reasons = List.copyOf(reasons);
        r.answeredAt = at;
        r.enqueue(OutboxEvent.of(reasons.isEmpty() ? FamilySharingEvents.FAMILY_SHARING_BOUND : FamilySharingEvents.FAMILY_SHARING_REFUSED,
                bundleId, regionCode, new FamilySharingEvents.FamilySharingResult(bundleId, r.bound, r.reasons)));
        return r;
    }

    public String getCaseNumber() { return caseNumber; }
    public String getHolderIdNumber() { return holderIdNumber; }
    public List<String> getBound() { return bound; }
    public List<Reason> getReasons() { return reasons; }
    public Instant getAnsweredAt() { return answeredAt; }
}
