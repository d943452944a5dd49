package org.jingban.reimbursement.claim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jingban.platform.cases.Reason;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every invoice (医院收费票据) that has been claimed or settled, once: collection {@code invoices}, keyed by the
 * normalised 票据号码, so that two claims of one invoice — from any channel, at the same moment — cannot both hold it
 * (the store's unique {@code _id} decides). A claim holds its invoices from 申请; a claim that ends unpaid (不予受理,
 * 未通过, 撤回) lets them go; a paid one keeps them for good. A bill settled directly (联网结算, settlement-service's
 * events) holds its invoice too, until its settlement is reversed.
 */
@Component
public class InvoiceRegister {

    public enum Source {
        CLAIM("手工报销"), SETTLEMENT("联网结算");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One held invoice: by a claim (its 报销申请编号, the case once known) or by a direct settlement. */
    @Document("invoices")
    public record HeldInvoice(@Id String number, Source source, String claimId, String caseNumber,
                              String settlementId, boolean paid, Instant heldAt) {
    }

    /** The case form value naming the application that holds the invoices (every item that pays a bill). */
    public static final String CLAIM_ID = "报销申请编号";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public InvoiceRegister(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Holds every invoice for the claim, or none: the reasons name each invoice someone else holds (its index in 票据)
     * and what holds it. Holding again for the same claim (a retry) succeeds.
     */
    public Mono<List<Reason>> hold(String claimId, List<String> numbers) {
        List<String> held = new ArrayList<>();
        List<Reason> conflicts = new ArrayList<>();
        return Flux.range(0, numbers.size())
                .concatMap(i -> mongo.insert(new HeldInvoice(numbers.get(i), Source.CLAIM, claimId, null, null, false,
                                clock.instant()))
                        .doOnNext(h -> held.add(h.number()))
                        .then(Mono.<Reason>empty())
                        .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(numbers.get(i), HeldInvoice.class)
                                .flatMap(existing -> claimId.equals(existing.claimId()) ? Mono.empty()
                                        : Mono.just(conflict(i, existing)))))
                .doOnNext(conflicts::add)
                .then(Mono.defer(() -> conflicts.isEmpty() ? Mono.just(List.<Reason>of())
                        : release(claimId, held).thenReturn(List.copyOf(conflicts))));
    }

    private static Reason conflict(int index, HeldInvoice existing) {
        String field = "票据[" + index + "].票据号码";
        if (existing.source() == Source.SETTLEMENT) {
            return Reason.at(field, "invoice-settled", "票据" + existing.number() + "已联网结算，不能再手工报销");
        }
        return existing.paid()
                ? Reason.at(field, "invoice-reimbursed", "票据" + existing.number() + "已报销（办件" + existing.caseNumber() + "）")
                : Reason.at(field, "invoice-in-claim", "票据" + existing.number() + "已在另一报销申请中办理"
                        + (existing.caseNumber() == null ? "" : "（办件" + existing.caseNumber() + "）"));
    }

    /** The case that holds the claim's invoices, once it exists. */
    public Mono<Void> attach(String claimId, String caseNumber) {
        return mongo.updateMulti(Query.query(Criteria.where("claimId").is(claimId)),
                Update.update("caseNumber", caseNumber), HeldInvoice.class).then();
    }

    /** The claim was paid: its invoices are spent for good. */
    public Mono<Void> markPaid(String claimId) {
        return mongo.updateMulti(Query.query(Criteria.where("claimId").is(claimId)),
                Update.update("paid", true), HeldInvoice.class).then();
    }

    /** Lets go of a claim's invoices (all, or the named ones) unless paid. */
    public Mono<Void> release(String claimId) {
        return mongo.remove(Query.query(Criteria.where("claimId").is(claimId).and("paid").is(false)), HeldInvoice.class)
                .then();
    }

    private Mono<Void> release(String claimId, List<String> numbers) {
        return numbers.isEmpty() ? Mono.empty() : mongo.remove(Query.query(Criteria.where("_id").in(numbers)
                .and("claimId").is(claimId).and("paid").is(false)), HeldInvoice.class).then();
    }

    /** A bill settled directly: its invoice is spent (an invoice a claim holds stays the claim's; the claim wins). */
    public Mono<Void> settled(String number, String settlementId) {
        return mongo.insert(new HeldInvoice(number, Source.SETTLEMENT, null, null, settlementId, true, clock.instant()))
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty()).then();
    }

    /** A settlement reversed (冲正): its invoice is free again. */
    public Mono<Void> reversed(String number, String settlementId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(number).and("settlementId").is(settlementId)),
                HeldInvoice.class).then();
    }

    /**
     * 不予受理, 未通过 or 撤回 of any item that pays a bill (主项六, 主项七's three, 主项八's 零星报销): its invoices are free
     * again.
     */
    @org.jingban.platform.service.items.CaseReaction(item = {"622036006001", "622036006002", "622036007001",
            "622036007002", "622036007003", "622036008002"}, on = {org.jingban.platform.cases.CaseEvents.REJECTED,
            org.jingban.platform.cases.CaseEvents.REFUSED, org.jingban.platform.cases.CaseEvents.WITHDRAWN})
    public Mono<Void> releaseFor(org.jingban.platform.cases.Case c) {
        Object claimId = c.getForm().get(CLAIM_ID);
        return claimId instanceof String id ? release(id) : Mono.empty();
    }

    /** Who holds an invoice, if anyone. */
    public Mono<HeldInvoice> holder(String number) {
        return mongo.findById(number, HeldInvoice.class);
    }

    /** Claims' holds without a case after {@code age}: left by a crash between holding and submitting. */
    Flux<HeldInvoice> orphans(Duration age) {
        return mongo.find(Query.query(Criteria.where("source").is(Source.CLAIM).and("caseNumber").is(null)
                .and("heldAt").lt(clock.instant().minus(age))), HeldInvoice.class);
    }

    /**
     * Settles the holds a crash left between holding and storing the case (older than {@code age}, so that no
     * application still in its request is touched): attached to their case if it was stored (its form names the
     * claim), else let go. The number let go.
     */
    public Mono<Long> sweepOrphans(Duration age) {
        return orphans(age).map(HeldInvoice::claimId).distinct()
                .concatMap(claimId -> mongo.findOne(Query.query(Criteria.where("form." + CLAIM_ID).is(claimId)),
                                org.bson.Document.class, "cases")
                        .flatMap(c -> attach(claimId, c.getString("caseNumber")).thenReturn(0L))
                        .switchIfEmpty(Mono.defer(() -> release(claimId).thenReturn(1L))))
                .reduce(0L, Long::sum);
    }

    @org.springframework.scheduling.annotation.Scheduled(
            fixedDelayString = "${jingban.reimbursement.claims.orphan-check-interval:PT10M}", initialDelayString = "PT1M")
    public void sweepOrphans() {
        sweepOrphans(Duration.ofMinutes(10)).block(Duration.ofMinutes(2));
    }
}
