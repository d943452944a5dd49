package org.jingban.enrollment.account;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.jingban.platform.messaging.WriteConflicts;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.ProblemTypes;
import org.jingban.platform.web.problem.Violation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The personal account ledger (个人账户): opens accounts, posts entries exactly once per idempotency key and
 * reads the history. A post is one versioned write of the account document; afterwards its journal is copied
 * to {@code account_entries} (insert, duplicate ignored) and pulled from the document. A crash in between
 * leaves the entry in the journal, and the next post or read of the account copies it.
 */
@Service
public class AccountLedger {

    /**
     * The one write of this service that many writers hit at once (settlement's 个人账户支付 and 家庭共济, contribution
     * credits, withdrawals on the same account), and each round of a race only one of them wins. So a post keeps
     * {@link WriteConflicts}' backoff but gets more attempts than its 20: {@code ConcurrentDebitsTest}'s 40 parallel
     * debits of one account needed up to 8 retries on an idle machine (about 1 s in all); on a loaded one each write
     * takes longer and more of them collide. The other account writes (a new holder's name, a transfer's region) are
     * rare and use the general policy.
     */
    static final int MAX_CONFLICT_RETRIES = 60;

    private final ReactiveMongoTemplate template;
    private final Clock clock;

    public AccountLedger(ReactiveMongoTemplate template, Clock clock) {
        this.template = template;
        this.clock = clock;
    }

    /** Indexes declared in code: one entry per (account, key) and per (account, sequence). */
    public Mono<Void> ensureIndexes() {
        var entries = template.indexOps(AccountEntry.class);
        var accounts = template.indexOps(PersonalAccount.class);
        return Mono.when(
                entries.createIndex(new Index().on("accountId", Sort.Direction.ASC).on("idempotencyKey", Sort.Direction.ASC)
                        .unique().named("account_key")),
                entries.createIndex(new Index().on("accountId", Sort.Direction.ASC).on("sequence", Sort.Direction.ASC)
                        .unique().named("account_sequence")),
                entries.createIndex(new Index().on("reversalOf", Sort.Direction.ASC).sparse().named("reversalOf")),
                accounts.createIndex(new Index().on("idNumber", Sort.Direction.ASC).unique().named("idNumber_unique")));
    }

    /** Opens the account of a person unless it exists; returns the account either way. */
    public Mono<PersonalAccount> open(String personId, String idNumber, String name, String regionCode) {
        return template.findById(personId, PersonalAccount.class)
                .switchIfEmpty(Mono.defer(() -> template.insert(
                                PersonalAccount.open(personId, idNumber, name, regionCode, clock.instant())))
                        .onErrorResume(DuplicateKeyException.class,
                                e -> template.findById(personId, PersonalAccount.class)));
    }

    public Mono<PersonalAccount> find(String accountId) {
        return template.findById(accountId, PersonalAccount.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("个人账户不存在")));
    }

    /** The account, or empty. */
    public Mono<PersonalAccount> findById(String accountId) {
        return template.findById(accountId, PersonalAccount.class);
    }

    public Mono<PersonalAccount> findByIdNumber(String idNumber) {
        return template.findOne(new Query(Criteria.where("idNumber").is(idNumber)), PersonalAccount.class);
    }

    /** The result of a post: the entry, whether it was a replay of an earlier post with the same key, the balance. */
    public record Result(AccountEntry entry, boolean replayed) {
    }

    /**
     * Posts one entry exactly once per (account, idempotency key). A repeated key with the same request returns the
     * first entry ({@code replayed}); with a different request it is refused (422 idempotency-key-reused). Rule
     * failures (余额不足, 已冲正 …) are 422 with every reason.
     */
    public Mono<Result> post(String accountId, PostEntry command) {
        if (command.idempotencyKey() == null || command.idempotencyKey().isBlank()) {
            return Mono.error(ProblemException.validation(List.of(Violation.required("idempotencyKey"))));
        }
        return Mono.defer(() -> find(accountId)
                        .flatMap(account -> withKey(account, command.idempotencyKey())
                                .map(existing -> replay(existing, command))
                                .switchIfEmpty(Mono.defer(() -> postNew(account, command)))))
                .retryWhen(WriteConflicts.retry(MAX_CONFLICT_RETRIES))
                .flatMap(result -> flush(accountId).thenReturn(result));
    }

    private Result replay(AccountEntry existing, PostEntry command) {
        if (!existing.sameRequestAs(command.kind(), command.amountFen(), command.reversalOf())) {
            throw new ProblemException(422, ProblemTypes.IDEMPOTENCY_KEY_REUSED, "幂等键已被另一笔记账使用",
                    "该幂等键已用于另一笔不同的记账，请使用新的幂等键");
        }
        return new Result(existing, true);
    }

    private Mono<Result> postNew(PersonalAccount account, PostEntry command) {
        Mono<Optional<AccountEntry>> reversed = command.reversalOf() == null ? Mono.just(Optional.empty())
                : entry(account, command.reversalOf()).map(Optional::of).defaultIfEmpty(Optional.empty());
        Mono<Boolean> alreadyReversed = command.reversalOf() == null ? Mono.just(false)
                : isReversed(account, command.reversalOf());
        return Mono.zip(reversed, alreadyReversed).flatMap(t -> {
            PersonalAccount.Posting posting = account.post(command, t.getT1(), t.getT2(), clock.instant());
            if (posting instanceof PersonalAccount.Refused refused) {
                List<Violation> violations = refused.reasons().stream()
                        .map(r -> new Violation(r.field(), r.code(), r.message())).toList();
                return Mono.error(ProblemException.unprocessable("个人账户记账未通过：" + violations.stream()
                        .map(Violation::message).reduce((a, b) -> a + "；" + b).orElse(""), violations));
            }
            AccountEntry entry = ((PersonalAccount.Posted) posting).entry();
            return template.save(account).thenReturn(new Result(entry, false));
        });
    }

    /** Copies the journal to account_entries and pulls what was copied; safe to repeat. */
    public Mono<Void> flush(String accountId) {
        return template.findById(accountId, PersonalAccount.class)
                .flatMapMany(account -> Flux.fromIterable(account.getJournal()))
                .concatMap(entry -> template.insert(entry)
                        .onErrorResume(DuplicateKeyException.class, e -> Mono.just(entry))
                        .then(template.updateFirst(new Query(Criteria.where("_id").is(accountId)),
                                new Update().pull("journal", new Document("_id", entry.id())), PersonalAccount.class)))
                .then();
    }

    /** Every entry of the account, oldest first (the collection and any journal entry not yet copied). */
    public Flux<AccountEntry> entries(String accountId) {
        return find(accountId).flatMapMany(account -> template.find(
                        new Query(Criteria.where("accountId").is(accountId)).with(Sort.by("sequence")), AccountEntry.class)
                .collectList()
                .flatMapMany(stored -> {
                    Map<String, AccountEntry> all = new LinkedHashMap<>();
                    stored.forEach(e -> all.put(e.id(), e));
                    account.getJournal().forEach(e -> all.putIfAbsent(e.id(), e));
                    return Flux.fromStream(all.values().stream().sorted(Comparator.comparingLong(AccountEntry::sequence)));
                }));
    }

    private Mono<AccountEntry> withKey(PersonalAccount account, String key) {
        return Mono.justOrEmpty(account.journalEntryWithKey(key))
                .switchIfEmpty(Mono.defer(() -> template.findOne(new Query(Criteria.where("accountId").is(account.getId())
                        .and("idempotencyKey").is(key)), AccountEntry.class)));
    }

    private Mono<AccountEntry> entry(PersonalAccount account, String entryId) {
        return Mono.justOrEmpty(account.journalEntry(entryId))
                .switchIfEmpty(Mono.defer(() -> template.findOne(new Query(Criteria.where("_id").is(entryId)
                        .and("accountId").is(account.getId())), AccountEntry.class)));
    }

    private Mono<Boolean> isReversed(PersonalAccount account, String entryId) {
        if (account.journalReverses(entryId)) {
            return Mono.just(true);
        }
        return template.exists(new Query(Criteria.where("reversalOf").is(entryId)), AccountEntry.class);
    }

    /** Follows a change of the holder's 证件号码 or 姓名 (参保信息变更登记); nothing when the person has no account. */
    public Mono<PersonalAccount> describeHolder(String accountId, String idNumber, String name) {
        return Mono.defer(() -> template.findById(accountId, PersonalAccount.class).flatMap(a -> {
                    a.describeHolder(idNumber, name);
                    return template.save(a);
                }))
                .retryWhen(WriteConflicts.retryOptimisticLock());
    }

    /** Changes the account's 统筹区 (transfer-in); a plain versioned save, retried on conflict. */
    public Mono<PersonalAccount> moveTo(String accountId, String regionCode) {
        return Mono.defer(() -> find(accountId).flatMap(a -> {
                    a.moveTo(regionCode);
                    return template.save(a);
                }))
                .retryWhen(WriteConflicts.retryOptimisticLock());
    }
}
