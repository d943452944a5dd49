package org.jingban.notification.recipient;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/** The stored {@link RecipientContact}s. */
public class ContactBook {

    private final ReactiveMongoTemplate mongo;

    public ContactBook(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<RecipientContact> find(String partyId) {
        return mongo.findById(partyId, RecipientContact.class);
    }

    public Mono<RecipientContact> save(RecipientContact contact) {
        return mongo.save(contact);
    }
}
