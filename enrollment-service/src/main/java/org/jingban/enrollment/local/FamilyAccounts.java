package org.jingban.enrollment.local;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.enrollment.account.AccountHandlers;
import org.jingban.enrollment.account.AccountHandlers.EntryView;
import org.jingban.enrollment.account.AccountLedger;
import org.jingban.enrollment.account.EntryKind;
import org.jingban.enrollment.account.PersonalAccount;
import org.jingban.enrollment.account.PostEntry;
import org.jingban.enrollment.person.Insurance;
import org.jingban.enrollment.person.PersonAccess;
import org.jingban.enrollment.shared.IdDocument;
import org.jingban.enrollment.shared.Money;
import org.jingban.platform.identifiers.Masking;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Authorize;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Role;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.jingban.platform.web.problem.Violations;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * 职工医保个人账户家庭共济办理 (seed 004, 即办件, 甘肃省内): a 职工 binds relatives (配偶、父母、子女、兄弟姐妹、祖父母、
 * 外祖父母、孙子女、外孙子女) insured in Gansu; settlement-service then debits the holder's account for a bound
 * relative's costs. Not a 子项 of the catalog (see docs/adr/enrollment.md): no case is created.
 */
@RestController
@Tag(name = "家庭共济")
public class FamilyAccounts {

    public static final List<String> RELATIONS = List.of("配偶", "父母", "子女", "兄弟姐妹", "祖父母", "外祖父母", "孙子女", "外孙子女");
    static final String GANSU = "62";

    private final ReactiveMongoTemplate template;
    private final PersonAccess persons;
    private final AccountLedger ledger;
    private final Clock clock;

    public FamilyAccounts(ReactiveMongoTemplate template, PersonAccess persons, AccountLedger ledger, Clock clock) {
        this.template = template;
        this.persons = persons;
        this.ledger = ledger;
        this.clock = clock;
    }

    public record BindForm(@JsonProperty("亲属姓名") String name, @JsonProperty("亲属证件类型及号码") IdDocument id,
                           @JsonProperty("与本人关系") String relation) {
    }

    public record MemberView(String memberId, String relativeName, String relativeIdNumber, String relation, String status) {
        static MemberView of(FamilyMember m) {
            return new MemberView(m.getId(), m.getRelativeName(), Masking.idNumber(m.getRelativeIdNumber()), m.getRelation(),
                    m.getStatus().name());
        }
    }

    public record FamilyDebit(String relativeIdNumber, String amount, String idempotencyKey, String reference) {
    }

    public record PayerQuery(String relativeIdNumber) {
    }

    public record Payer(String accountId, String relation, String balance) {
    }

    @PostMapping("/api/v1/enrollment/accounts/family-members")
    @Operation(summary = "职工医保个人账户家庭共济：绑定共济亲属（甘肃省内参保）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-name", value = "职工医保个人账户家庭共济办理")))
    @Access(Role.INSURED_PERSON)
    public Mono<ResponseEntity<MemberView>> bind(@RequestBody BindForm form, Caller caller) {
        Violations v = new Violations().require("亲属姓名", form.name())
                .require("亲属证件类型及号码", form.id() == null ? null : form.id().present()).require("与本人关系", form.relation());
        if (form.id() != null && form.id().present() != null) {
            form.id().validate(v, "亲属证件类型及号码");
        }
        if (form.relation() != null && !form.relation().isBlank()) {
            v.check(RELATIONS.contains(form.relation()), "与本人关系", "unknown-option", "与本人关系应为" + String.join("、", RELATIONS) + "之一");
        }
        v.throwIfAny();
        return persons.findByIdNumber(caller.idNumber())
                .zipWhen(holder -> ledger.findById(holder.getId()))
                .switchIfEmpty(Mono.error(() -> ProblemException.unprocessable("您没有职工医保个人账户",
                        List.of(new Violation("个人账户", "no-account", "您没有职工医保个人账户")))))
                .flatMap(t -> {
                    PersonalAccount account = t.getT2();
                    List<Violation> reasons = new ArrayList<>();
                    if (account.getStatus() != PersonalAccount.Status.OPEN) {
                        reasons.add(new Violation("个人账户", "account-closed", "个人账户已" + account.getClosedBy()));
                    }
                    if (!account.getRegionCode().startsWith(GANSU)) {
                        reasons.add(new Violation("个人账户", "outside-province", "家庭共济仅支持在甘肃省内参保人员办理"));
                    }
                    if (form.id().number().equals(caller.idNumber())) {
                        reasons.add(new Violation("亲属证件类型及号码", "self", "不能绑定本人"));
                    }
                    return persons.findByIdNumber(form.id().number()).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                            .flatMap(relative -> {
                                boolean insuredInGansu = relative.map(r -> r.getInsurances().stream().anyMatch(i ->
                                        i.getRegionCode().startsWith(GANSU) && i.getStatus() == Insurance.Status.ACTIVE)).orElse(false);
                                if (!insuredInGansu) {
                                    reasons.add(new Violation("亲属证件类型及号码", "relative-not-insured-in-province",
                                            "共济亲属须在甘肃省内参加职工医保或城乡居民医保（跨省暂不支持）"));
                                }
                                String id = account.getId() + ":" + form.id().number();
                                return template.findById(id, FamilyMember.class).map(java.util.Optional::of)
                                        .defaultIfEmpty(java.util.Optional.empty()).flatMap(existing -> {
                                            if (existing.filter(m -> m.getStatus() == FamilyMember.Status.BOUND).isPresent()) {
                                                reasons.add(new Violation("亲属证件类型及号码", "already-bound", "该亲属已绑定"));
                                            }
                                            if (!reasons.isEmpty()) {
                                                return Mono.error(ProblemException.unprocessable("不符合家庭共济办理条件", reasons));
                                            }
                                            FamilyMember member = existing.map(m -> {
                                                m.rebind(form.name(), form.relation(), account.getRegionCode(), clock.instant());
                                                return m;
                                            }).orElseGet(() -> FamilyMember.bind(account.getId(), form.id().number(), form.name(),
                                                    form.relation(), account.getRegionCode(), clock.instant()));
                                            return existing.isPresent() ? template.save(member) : template.insert(member);
                                        });
                            });
                })
                .onErrorMap(DuplicateKeyException.class, e -> ProblemException.conflict("该亲属已绑定"))
                .map(m -> ResponseEntity.status(HttpStatus.CREATED).body(MemberView.of(m)));
    }

    @GetMapping("/api/v1/enrollment/accounts/family-members")
    @Operation(summary = "我的家庭共济亲属")
    @Access(Role.INSURED_PERSON)
    public Mono<List<MemberView>> mine(Caller caller) {
        return persons.findByIdNumber(caller.idNumber())
                .flatMapMany(p -> template.find(new Query(Criteria.where("holderId").is(p.getId())), FamilyMember.class))
                .map(MemberView::of).collectList();
    }

    @DeleteMapping("/api/v1/enrollment/accounts/family-members/{memberId}")
    @Operation(summary = "解除家庭共济绑定")
    @Access(value = Role.INSURED_PERSON, object = Access.ObjectOwner.PATH)
    public Mono<MemberView> unbind(@PathVariable String memberId, Caller caller) {
        return Mono.defer(() -> persons.findByIdNumber(caller.idNumber())
                        .flatMap(p -> template.findById(memberId, FamilyMember.class).filter(m -> m.getHolderId().equals(p.getId())))
                        .switchIfEmpty(Mono.error(Authorize::notFound))
                        .flatMap(m -> {
                            if (m.getStatus() == FamilyMember.Status.UNBOUND) {
                                return Mono.just(m);
                            }
                            return ledger.findById(m.getHolderId()).map(PersonalAccount::getRegionCode).defaultIfEmpty("620000")
                                    .flatMap(region -> {
                                        m.unbind(region, clock.instant());
                                        return template.save(m);
                                    });
                        }))
                .retryWhen(Retry.max(5).filter(OptimisticLockingFailureException.class::isInstance))
                .map(MemberView::of);
    }

    @PostMapping("/api/v1/enrollment/accounts/family-payers")
    @Operation(summary = "查询可为某人支付的家庭共济账户（结算用）")
    @Access(scopes = AccountHandlers.ACCOUNT_SCOPE)
    public Mono<List<Payer>> payers(@RequestBody PayerQuery query) {
        new Violations().require("relativeIdNumber", query.relativeIdNumber()).throwIfAny();
        return template.find(new Query(Criteria.where("relativeIdNumber").is(query.relativeIdNumber()).and("status").is("BOUND")),
                        FamilyMember.class)
                .flatMap(m -> ledger.findById(m.getHolderId()).filter(a -> a.getStatus() == PersonalAccount.Status.OPEN)
                        .map(a -> new Payer(a.getId(), m.getRelation(), Money.format(a.getBalanceFen()))))
                .collectList();
    }

    @PostMapping("/api/v1/enrollment/accounts/{accountId}/family-debits")
    @Operation(summary = "家庭共济支付：为已绑定的亲属从本账户支出；同一幂等键只记一次")
    @Access(scopes = AccountHandlers.ACCOUNT_SCOPE)
    public Mono<ResponseEntity<EntryView>> familyDebit(@PathVariable String accountId, @RequestBody FamilyDebit request) {
        Violations v = new Violations().require("relativeIdNumber", request.relativeIdNumber()).require("amount", request.amount())
                .require("idempotencyKey", request.idempotencyKey());
        Long fen = Money.parseFen(request.amount());
        if (request.amount() != null && !request.amount().isBlank()) {
            v.check(fen != null && fen > 0, "amount", "invalid-amount", "金额应为大于0且最多两位小数的金额");
        }
        v.throwIfAny();
        return template.findById(accountId + ":" + request.relativeIdNumber(), FamilyMember.class)
                .filter(m -> m.getStatus() == FamilyMember.Status.BOUND)
                .switchIfEmpty(Mono.error(() -> ProblemException.unprocessable("该人员不是本账户的家庭共济亲属",
                        List.of(new Violation("relativeIdNumber", "not-bound", "该人员不是本账户的家庭共济亲属")))))
                .flatMap(m -> ledger.post(accountId, PostEntry.debit(EntryKind.DEBIT, fen, request.idempotencyKey(),
                        request.reference(), "家庭共济（" + m.getRelation() + "）")))
                .map(r -> ResponseEntity.status(r.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                        .header("Ledger-Replayed", String.valueOf(r.replayed())).body(EntryView.of(r.entry())));
    }
}
