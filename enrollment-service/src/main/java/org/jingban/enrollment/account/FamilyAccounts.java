package org.jingban.enrollment.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jingban.platform.service.items.IdDocument;
import org.jingban.platform.web.problem.Violations;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.messaging.WriteConflicts;
import org.jingban.platform.money.Money;
import org.jingban.platform.security.Authorize;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 职工医保个人账户家庭共济办理 (seed 004, 即办件, 甘肃省内): a 职工 binds relatives (配偶、父母、子女、兄弟姐妹、祖父母、
 * 外祖父母、孙子女、外孙子女) insured in Gansu; settlement-service then debits the holder's account for a bound
 * relative's costs. Not a 子项 of the catalog (see docs/adr/enrollment.md): no case is created.
 */
@Service
public class FamilyAccounts {

    /** Seed 004 受理条件 一.2; the published list (enrollment-service-api), which the 一件事's form offers too. */
    public static final List<String> RELATIONS = org.jingban.enrollment.api.FamilySharingEvents.RELATIONS;
    static final String GANSU = "62";

    /**
     * A relative as a binding needs them, every problem into {@code v} under {@code prefix}: the 证件 (checked as its
     * type says) and 与本人关系 (one of {@link #RELATIONS}) — the rule of the binding endpoint and of a 一件事's request.
     */
    static Violations checkRelative(Violations v, String prefix, IdDocument id, String relation) {
        v.require(prefix + "亲属证件类型及号码", id == null ? null : id.present()).require(prefix + "与本人关系", relation);
        if (id != null && id.present() != null) {
            id.validate(v, prefix + "亲属证件类型及号码");
        }
        if (relation != null && !relation.isBlank()) {
            v.check(RELATIONS.contains(relation), prefix + "与本人关系", "unknown-option",
                    "与本人关系应为" + String.join("、", RELATIONS) + "之一");
        }
        return v;
    }

    private final ReactiveMongoTemplate template;
    private final AccountLedger ledger;
    private final RelativeCoverage relatives;
    private final Clock clock;

    public FamilyAccounts(ReactiveMongoTemplate template, AccountLedger ledger, RelativeCoverage relatives, Clock clock) {
        this.template = template;
        this.ledger = ledger;
        this.relatives = relatives;
        this.clock = clock;
    }

    /** A bindable account for the holder with this 证件号码, or 422 when they have none. */
    private Mono<PersonalAccount> holderAccount(String holderIdNumber) {
        return ledger.findByIdNumber(holderIdNumber).switchIfEmpty(Mono.error(() -> ProblemException.unprocessable(
                "您没有职工医保个人账户", List.of(new Violation("个人账户", "no-account", "您没有职工医保个人账户")))));
    }

    /** Binds a relative (again, after an unbinding) to the holder's account; 422 with every reason it may not. */
    public Mono<FamilyMember> bind(String holderIdNumber, IdDocument relative, String name, String relation) {
        return holderAccount(holderIdNumber).flatMap(account -> {
            List<Reason> reasons = new ArrayList<>();
            if (account.getStatus() != PersonalAccount.Status.OPEN) {
                reasons.add(Reason.at("个人账户", "account-closed", "个人账户已" + account.getClosedBy()));
            }
            if (!account.getRegionCode().startsWith(GANSU)) {
                reasons.add(Reason.at("个人账户", "outside-province", "家庭共济仅支持在甘肃省内参保人员办理"));
            }
            if (relative.number().equals(holderIdNumber)) {
                reasons.add(Reason.at("亲属证件类型及号码", "self", "不能绑定本人"));
            }
            String id = account.getId() + ":" + relative.number();
            return Mono.zip(relatives.insuredInProvince(relative.number(), GANSU),
                    template.findById(id, FamilyMember.class).map(Optional::of).defaultIfEmpty(Optional.empty()))
                    .flatMap(t -> {
                        if (!t.getT1()) {
                            reasons.add(Reason.at("亲属证件类型及号码", "relative-not-insured-in-province",
                                    "共济亲属须在甘肃省内参加职工医保或城乡居民医保（跨省暂不支持）"));
                        }
                        Optional<FamilyMember> existing = t.getT2();
                        if (existing.filter(m -> m.getStatus() == FamilyMember.Status.BOUND).isPresent()) {
                            reasons.add(Reason.at("亲属证件类型及号码", "already-bound", "该亲属已绑定"));
                        }
                        if (!reasons.isEmpty()) {
                            return Mono.error(ProblemException.unprocessable("不符合家庭共济办理条件", reasons.stream()
                                    .map(r -> new Violation(r.field(), r.code(), r.message())).toList()));
                        }
                        if (existing.isPresent()) {
                            existing.get().rebind(name, relation, account.getRegionCode(), clock.instant());
                            return template.save(existing.get());
                        }
                        return template.insert(FamilyMember.bind(account.getId(), relative.number(), name, relation,
                                account.getRegionCode(), clock.instant()));
                    });
        }).onErrorMap(DuplicateKeyException.class, e -> ProblemException.conflict("该亲属已绑定"));
    }

    /** The holder's relatives, bound or not. */
    public Flux<FamilyMember> of(String holderIdNumber) {
        return ledger.findByIdNumber(holderIdNumber)
                .flatMapMany(a -> template.find(new Query(Criteria.where("holderId").is(a.getId())), FamilyMember.class));
    }

    /** Unbinds one of the holder's relatives (404 for anyone else's); unbinding twice changes nothing. */
    public Mono<FamilyMember> unbind(String holderIdNumber, String memberId) {
        return Mono.defer(() -> ledger.findByIdNumber(holderIdNumber)
                        .flatMap(a -> template.findById(memberId, FamilyMember.class)
                                .filter(m -> m.getHolderId().equals(a.getId()))
                                .flatMap(m -> {
                                    if (m.getStatus() == FamilyMember.Status.UNBOUND) {
                                        return Mono.just(m);
                                    }
                                    m.unbind(a.getRegionCode(), clock.instant());
                                    return template.save(m);
                                }))
                        .switchIfEmpty(Mono.error(Authorize::notFound)))
                .retryWhen(WriteConflicts.retryOptimisticLock());
    }

    /** The open accounts that may pay for this relative (settlement-service). */
    public Flux<Payer> payersFor(String relativeIdNumber) {
        return template.find(new Query(Criteria.where("relativeIdNumber").is(relativeIdNumber)
                                .and("status").is(FamilyMember.Status.BOUND)), FamilyMember.class)
                .flatMap(m -> ledger.findById(m.getHolderId()).filter(a -> a.getStatus() == PersonalAccount.Status.OPEN)
                        .map(a -> new Payer(a.getId(), m.getRelation(), Money.format(a.getBalanceFen()))));
    }

    /** An account that may pay for a relative, with its balance. */
    public record Payer(String accountId, String relation, String balance) {
    }

    /** 家庭共济支付: debits the account for a bound relative, once per idempotency key; 422 not-bound otherwise. */
    public Mono<AccountLedger.Result> debit(String accountId, String relativeIdNumber, long fen, String idempotencyKey,
                                            String reference) {
        return template.findById(accountId + ":" + relativeIdNumber, FamilyMember.class)
                .filter(m -> m.getStatus() == FamilyMember.Status.BOUND)
                .switchIfEmpty(Mono.error(() -> ProblemException.unprocessable("该人员不是本账户的家庭共济亲属",
                        List.of(new Violation("relativeIdNumber", "not-bound", "该人员不是本账户的家庭共济亲属")))))
                .flatMap(m -> ledger.post(accountId, PostEntry.debit(EntryKind.DEBIT, fen, idempotencyKey, reference,
                        "家庭共济（" + m.getRelation() + "）")));
    }
}
