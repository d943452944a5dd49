package org.jingban.settlement.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jingban.enrollment.api.AccountEvents;
import org.jingban.enrollment.api.EnrollmentTopics;
import org.jingban.platform.messaging.ReadModels;
import org.jingban.platform.messaging.ReceivedEvent;
import org.jingban.platform.money.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The personal account balances as enrollment-service last said (read model of its {@code AccountEvents}; account id =
 * person id). The balance only decides how much the calculator may offer to the account: the debit itself is
 * enrollment-service's decision (a stale balance is refused there, and the share is then paid in cash).
 */
@Component
public class AccountBalances {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Set<String> TYPES = Set.of(AccountEvents.CREDITED, AccountEvents.DEBITED);

    /** One account: the balance after its newest entry known here. */
    @Document("known_accounts")
    public record KnownAccount(@Id String accountId, String regionCode, long balanceFen, long sequence,
                               Instant updatedAt) {
    }

    private final ReactiveMongoTemplate mongo;

    public AccountBalances(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @KafkaListener(containerGroup = ReadModels.CONTAINER_GROUP, topics = EnrollmentTopics.EVENTS, groupId = "${spring.application.name}-accounts")
    public void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.from(record);
        if (TYPES.contains(event.type())) {
            apply(event.data(AccountEvents.Posted.class)).block(TIMEOUT);
        }
    }

    Mono<KnownAccount> apply(AccountEvents.Posted p) {
        KnownAccount next = new KnownAccount(p.accountId(), p.regionCode(), Money.parse(p.balanceAfter()).fen(),
                p.sequence(), p.postedAt());
        // entries of one account arrive in order (keyed by the account); a replayed older one changes nothing
        return mongo.findById(p.accountId(), KnownAccount.class)
                .flatMap(known -> known.sequence() >= p.sequence() ? Mono.just(known) : mongo.save(next))
                .switchIfEmpty(Mono.defer(() -> mongo.save(next)));
    }

    /** The balance known for the account; zero when none is known (no account, or no entry yet). */
    public Mono<Money> balance(String accountId) {
        if (accountId == null) {
            return Mono.just(Money.ZERO);
        }
        return mongo.findById(accountId, KnownAccount.class).map(a -> Money.ofFen(Math.max(0, a.balanceFen())))
                .defaultIfEmpty(Money.ZERO);
    }
}
