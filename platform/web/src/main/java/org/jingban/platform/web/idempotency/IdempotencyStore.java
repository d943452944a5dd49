package org.jingban.platform.web.idempotency;

import java.time.Duration;
import java.util.Date;

import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Idempotency records in MongoDB, collection {@value #COLLECTION}. The unique {@code _id} is the lock:
 * of two concurrent first requests only one insert succeeds. Records expire through a TTL index on
 * {@code createdAt}, and through {@link #expire} for a store that keeps the index but does not expire documents
 * (the local stack's embedded store): the same deletion, by a range of that index. Plain documents rather than a
 * mapped entity: the shape is ours alone and tiny.
 */
public class IdempotencyStore {

    public static final String COLLECTION = "idempotency_keys";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);

    private final ReactiveMongoTemplate mongo;
    private final Duration ttl;

    public IdempotencyStore(ReactiveMongoTemplate mongo, Duration ttl) {
        this.mongo = mongo;
        this.ttl = ttl;
    }

    public Duration ttl() {
        return ttl;
    }

    /** Creates the TTL index; a store that cannot expire documents only logs a warning. */
    public Mono<Void> createIndexes() {
        return mongo.indexOps(COLLECTION)
                .createIndex(new Index().on("createdAt", Sort.Direction.ASC).named("idempotency_ttl").expire(ttl))
                .doOnError(e -> log.warn("幂等键 TTL 索引未能创建: {}", e.toString()))
                .onErrorComplete()
                .then();
    }

    /** Deletes the records older than the TTL at {@code now} (what a TTL index does); the number deleted. */
    public Mono<Long> expire(java.time.Instant now) {
        Query old = new Query(Criteria.where("createdAt").lt(Date.from(now.minus(ttl))));
        return mongo.remove(old, COLLECTION).map(result -> result.getDeletedCount());
    }

    /**
     * Records a request as in progress.
     *
     * @return true if this call took the key, false if a record with this id already exists
     */
    public Mono<Boolean> begin(String id, String key, String method, String maskedPath, String requestHash) {
        Document doc = new Document("_id", id)
                .append("key", key)
                .append("method", method)
                .append("path", maskedPath)
                .append("requestHash", requestHash)
                .append("state", "IN_PROGRESS")
                .append("createdAt", new Date());
        return mongo.insert(doc, COLLECTION)
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }

    public Mono<IdempotencyRecord> find(String id) {
        return mongo.findById(id, Document.class, COLLECTION).map(IdempotencyStore::toRecord);
    }

    public Mono<Void> complete(String id, IdempotencyRecord.StoredResponse response) {
        Update update = new Update()
                .set("state", "COMPLETED")
                .set("status", response.status())
                .set("contentType", response.contentType())
                .set("location", response.location())
                .set("body", new Binary(response.body()));
        return mongo.updateFirst(byId(id), update, COLLECTION).then();
    }

    /** Forgets the key, so that a retry runs the request again. */
    public Mono<Void> release(String id) {
        return mongo.remove(byId(id), COLLECTION).then();
    }

    /**
     * Removes a stale record only if it is still the one that was read: two retries that both found it
     * stale must not delete each other's fresh records.
     */
    public Mono<Void> releaseStale(IdempotencyRecord stale) {
        return mongo.remove(Query.query(Criteria.where("_id").is(stale.id())
                .and("createdAt").is(Date.from(stale.createdAt()))), COLLECTION).then();
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static IdempotencyRecord toRecord(Document doc) {
        IdempotencyRecord.StoredResponse response = null;
        if ("COMPLETED".equals(doc.getString("state"))) {
            Object body = doc.get("body");
            byte[] bytes = body instanceof Binary binary ? binary.getData()
                    : body instanceof byte[] raw ? raw : new byte[0];
            response = new IdempotencyRecord.StoredResponse(doc.getInteger("status"), doc.getString("contentType"),
                    doc.getString("location"), bytes);
        }
        return new IdempotencyRecord(doc.getString("_id"), doc.getString("requestHash"), response,
                doc.getDate("createdAt").toInstant());
    }
}
