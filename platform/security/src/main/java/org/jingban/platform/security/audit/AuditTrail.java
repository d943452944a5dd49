package org.jingban.platform.security.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Owner;
import org.jingban.platform.web.request.RequestIds;
import org.jingban.platform.web.write.GroupCommit;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The service's append-only audit trail, in its own MongoDB database (collection {@value #COLLECTION}).
 * One line records an entry; the write is part of the request, so a read that cannot be audited fails
 * rather than going unrecorded. Entries of concurrent requests are stored together ({@link GroupCommit}: one insert
 * for the entries that arrived while the previous insert ran), each request still waiting for its own.
 *
 * <pre>{@code
 * persons.findById(id)
 *        .transform(Authorize.visibleTo(caller, Person::owner))
 *        .transform(audit.reads(caller, "参保信息", Person::owner, Person::id))   // staff reads are recorded
 * caseService.accept(...).flatMap(c -> audit.decision(caller, owner, "办件", c.getId(), "受理").thenReturn(c))
 * }</pre>
 */
public class AuditTrail {

    public static final String COLLECTION = "audit_trail";
    /** The most entries one insert carries. */
    private static final int MAX_BATCH = 500;

    private final ReactiveMongoTemplate mongo;
    private final String service;
    private final Clock clock;
    private final GroupCommit<AuditEntry> writes;

    public AuditTrail(ReactiveMongoTemplate mongo, String service, Clock clock) {
        this.mongo = mongo;
        this.service = service;
        this.clock = clock;
        this.writes = new GroupCommit<>(batch -> mongo.insert(batch, COLLECTION).then(), MAX_BATCH);
    }

    /** A read of a party's record: recorded unless the caller is that party (a citizen reading their own). */
    public Mono<Void> read(Caller caller, Owner owner, String object, String objectId) {
        if (caller.isParty(owner)) {
            return Mono.empty();
        }
        return record(caller, AuditEntry.READ, object, objectId, owner, "允许", null);
    }

    /** A decision (受理, 不予受理, 审核通过, 复核, 审批, 拨付...) on a party's object: always recorded. */
    public Mono<Void> decision(Caller caller, Owner owner, String object, String objectId, String outcome) {
        return record(caller, AuditEntry.DECISION, object, objectId, owner, outcome, null);
    }

    /** Any entry: action, object, whose, outcome and a free detail (no personal data in it, please). */
    public Mono<Void> record(Caller caller, String action, String object, String objectId, Owner owner,
                             String outcome, String detail) {
        return Mono.deferContextual(context -> {
            AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), Instant.now(clock), caller.subject(),
                    caller.name(), caller.roles().stream().map(Enum::name).sorted().toList(),
                    caller.regions().stream().sorted().toList(), caller.clientId(), action, object, objectId,
                    owner == null ? null : owner.kind().name(), owner == null ? null : owner.id(),
                    owner == null ? null : owner.region(), outcome, detail,
                    RequestIds.of(context).orElse(null), service);
            return writes.write(entry);
        });
    }

    /** Operator: records a read of each object that comes through (see {@link #read}). */
    public <T> Function<Mono<T>, Mono<T>> reads(Caller caller, String object, Function<? super T, Owner> ownerOf,
                                               Function<? super T, String> idOf) {
        return mono -> mono.flatMap(found -> read(caller, ownerOf.apply(found), object, idOf.apply(found))
                .thenReturn(found));
    }

    /** Entries matching every given filter (nulls ignored), newest first. */
    public Flux<AuditEntry> find(AuditQuery query) {
        List<Criteria> all = new ArrayList<>();
        if (query.partyId() != null) {
            all.add(Criteria.where("partyId").is(query.partyId()));
        }
        if (query.actor() != null) {
            all.add(Criteria.where("actor").is(query.actor()));
        }
        if (query.from() != null) {
            all.add(Criteria.where("at").gte(query.from()));
        }
        if (query.to() != null) {
            all.add(Criteria.where("at").lt(query.to()));
        }
        Query mongoQuery = new Query(all.isEmpty() ? new Criteria() : new Criteria().andOperator(all))
                .with(Sort.by(Sort.Direction.DESC, "at"))
                .skip((long) query.page() * query.size())
                .limit(query.size());
        return mongo.find(mongoQuery, AuditEntry.class, COLLECTION);
    }

    /** Indexes for the three ops queries: by person, by staff member, by time. */
    public Mono<Void> createIndexes() {
        var indexes = mongo.indexOps(COLLECTION);
        return indexes.createIndex(new Index().on("partyId", Sort.Direction.ASC).on("at", Sort.Direction.DESC))
                .then(indexes.createIndex(new Index().on("actor", Sort.Direction.ASC).on("at", Sort.Direction.DESC)))
                .then(indexes.createIndex(new Index().on("at", Sort.Direction.DESC)))
                .then();
    }

    /**
     * @param partyId whose record (证件号码, 统一社会信用代码, institution code)
     * @param actor   which staff member (subject)
     * @param from    inclusive
     * @param to      exclusive
     */
    public record AuditQuery(String partyId, String actor, Instant from, Instant to, int page, int size) {
    }
}
