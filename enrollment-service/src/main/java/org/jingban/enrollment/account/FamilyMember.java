package org.jingban.enrollment.account;

import java.time.Instant;

import org.jingban.platform.messaging.AggregateDocument;
import org.jingban.platform.messaging.OutboxEvent;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 职工医保个人账户家庭共济: a relative bound to a holder's personal account (id = {@code <holderId>:<relative 证件号码>}),
 * whose own costs the account may then pay.
 */
@Document("family_members")
public class FamilyMember extends AggregateDocument {

    public static final String BOUND_EVENT = "jingban.enrollment.account.family-member-bound.v1";
    public static final String UNBOUND_EVENT = "jingban.enrollment.account.family-member-unbound.v1";

    public enum Status { BOUND, UNBOUND }

    private String holderId;
    private String relativeIdNumber;
    private String relativeName;
    private String relation;
    private Status status;
    private Instant boundAt;
    private Instant unboundAt;

    FamilyMember() {
    }

    /** Event data (the relative's 证件号码 travels to settlement-service, which needs it to find the payer). */
    public record Binding(String memberId, String accountId, String relativeIdNumber, String relativeName, String relation,
                          String status) {
    }

    static FamilyMember bind(String holderId, String relativeIdNumber, String relativeName, String relation, String region,
                             Instant at) {
        FamilyMember m = new FamilyMember();
        m.id = holderId + ":" + relativeIdNumber;
        m.holderId = holderId;
        m.relativeIdNumber = relativeIdNumber;
        m.rebind(relativeName, relation, region, at);
        return m;
    }

    void rebind(String name, String relation, String region, Instant at) {
        this.relativeName = name;
        this.relation = relation;
        this.status = Status.BOUND;
        this.boundAt = at;
        this.unboundAt = null;
        enqueue(OutboxEvent.of(BOUND_EVENT, holderId, region, binding()));
    }

    void unbind(String region, Instant at) {
        this.status = Status.UNBOUND;
        this.unboundAt = at;
        enqueue(OutboxEvent.of(UNBOUND_EVENT, holderId, region, binding()));
    }

    Binding binding() {
        return new Binding(id, holderId, relativeIdNumber, relativeName, relation, status.name());
    }

    public String getHolderId() { return holderId; }
    public String getRelativeIdNumber() { return relativeIdNumber; }
    public String getRelativeName() { return relativeName; }
    public String getRelation() { return relation; }
    public Status getStatus() { return status; }
    public Instant getBoundAt() { return boundAt; }
    public Instant getUnboundAt() { return unboundAt; }
}
