package org.jingban.notification.recipient;

import java.time.Clock;
import java.time.Instant;

import org.jingban.notification.channel.ChannelKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * The stored {@link RecipientContact}s. The records' mobile and the party's own channels are written field by field
 * (single-document updates), so an event and a {@code PUT /me/contact} never overwrite each other's part.
 */
public class ContactBook {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public ContactBook(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Mono<RecipientContact> find(String partyId) {
        return mongo.findById(partyId, RecipientContact.class);
    }

    /**
     * The mobile of a person's records (参保登记) as of {@code at}; see {@link #recordMobile(String, String, Instant, String)}.
     */
    public Mono<Boolean> recordMobile(String partyId, String mobile, Instant at) {
        return recordMobile(partyId, mobile, at, RecipientContact.FROM_RECORDS);
    }

    /**
     * The mobile of the party's records as of {@code at} (null: the records hold no mobile, e.g. a fixed line only).
     * An event older than the one that set the stored mobile changes nothing (a replay, a late redelivery); a mobile
     * the party gave itself ({@link RecipientContact#FROM_PARTY}) is replaced.
     *
     * @param source the records it comes from, shown as {@code mobileSource}: {@link RecipientContact#FROM_RECORDS},
     *               {@link RecipientContact#FROM_UNIT_RECORDS}, {@link RecipientContact#FROM_AGREEMENT}
     * @return whether it changed the contact
     */
    public Mono<Boolean> recordMobile(String partyId, String mobile, Instant at, String source) {
        Query query = new Query(Criteria.where("_id").is(partyId).orOperator(
                Criteria.where("mobileAt").is(null), Criteria.where("mobileAt").lte(at)));
        Update update = new Update().set("mobile", mobile).set("mobileSource", source)
                .set("mobileAt", at).set("updatedAt", clock.instant());
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().upsert(true).returnNew(true),
                        RecipientContact.class)
                .map(c -> true)
                .defaultIfEmpty(true)
                // the party exists with a mobile from a newer event: the upsert's insert collides, nothing to do
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }

    /**
     * What the party itself sets: WeChat openid, Alipay user id, preferred channel — and, for a unit or institution
     * whose records have given no phone yet ({@code mobile} non-null), a mobile that the next record event replaces.
     */
    public Mono<RecipientContact> saveOwn(String partyId, String wechatOpenId, String alipayUserId,
                                          ChannelKind preferred, String mobile) {
        Update update = new Update().set("wechatOpenId", wechatOpenId).set("alipayUserId", alipayUserId)
                .set("preferredChannel", preferred).set("updatedAt", clock.instant());
        if (mobile != null) {
            update.set("mobile", mobile).set("mobileSource", RecipientContact.FROM_PARTY);
        }
        return mongo.findAndModify(new Query(Criteria.where("_id").is(partyId)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), RecipientContact.class);
    }
}
