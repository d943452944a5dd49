package org.jingban.enrollment.account;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.platform.money.Money;
import org.jingban.platform.service.openapi.OneOf;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Authorize;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Owner;
import org.jingban.platform.security.Role;
import org.jingban.platform.security.audit.AuditTrail;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.jingban.platform.web.problem.Violations;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * 个人账户 for other services and the tax bureau's data: balance, history, debits (settlement-service: 个人账户支付,
 * 家庭共济), credits, reversals, contribution batches. Every post carries an idempotency key.
 */
@RestController
@Tag(name = "个人账户")
public class AccountHandlers {

    /** Scope of system clients that read and post personal accounts (settlement-service, transfer-service). */
    public static final String ACCOUNT_SCOPE = "enrollment:account";
    /** Scope of the tax bureau's contribution data feed. */
    public static final String CONTRIBUTION_SCOPE = "enrollment:contributions";

    private final AccountLedger ledger;
    private final Contributions contributions;
    private final AuditTrail audit;

    public AccountHandlers(AccountLedger ledger, Contributions contributions, AuditTrail audit) {
        this.ledger = ledger;
        this.contributions = contributions;
        this.audit = audit;
    }

    public record AccountView(String accountId, String regionCode, String balance, String status, long lastSequence) {
        static AccountView of(PersonalAccount a) {
            return new AccountView(a.getId(), a.getRegionCode(), Money.format(a.getBalanceFen()), a.getStatus().name(),
                    a.getLastSequence());
        }
    }

    /** A debit or credit. {@code kind} defaults to DEBIT / CREDIT; TRANSFER_* go through the transfer hooks. */
    /** A credit: {@code kind} CREDIT (入账, the default) or CONTRIBUTION (缴费划入). */
    public record AmountRequest(String amount, String idempotencyKey, String reference, String remark,
                                @OneOf(of = AccountHandlers.class, field = "CREDIT_KINDS", byName = true) String kind) {
    }

    /** A debit (个人账户支出). */
    public record DebitRequest(String amount, String idempotencyKey, String reference, String remark) {
    }

    static final List<EntryKind> CREDIT_KINDS = List.of(EntryKind.CREDIT, EntryKind.CONTRIBUTION);

    public record ReversalRequest(String entryId, String idempotencyKey, String reference, String remark) {
    }

    public record ContributionBatch(List<Contributions.Posting> postings) {
    }

    @GetMapping("/api/v1/enrollment/accounts/{accountId}")
    @Operation(summary = "个人账户余额")
    @Access(value = {Role.INSURED_PERSON, Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.DIRECTOR},
            scopes = ACCOUNT_SCOPE, object = Access.ObjectOwner.PATH)
    public Mono<AccountView> account(@PathVariable String accountId, Caller caller) {
        return visible(accountId, caller)
                .transform(audit.reads(caller, "个人账户", a -> Owner.person(a.getIdNumber(), a.getRegionCode()), PersonalAccount::getId))
                .map(AccountView::of);
    }

    @GetMapping("/api/v1/enrollment/accounts/{accountId}/entries")
    @Operation(summary = "个人账户明细（按记账顺序）")
    @Access(value = {Role.INSURED_PERSON, Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.DIRECTOR},
            scopes = ACCOUNT_SCOPE, object = Access.ObjectOwner.PATH)
    public Mono<List<EntryView>> entries(@PathVariable String accountId, Caller caller) {
        return visible(accountId, caller)
                .transform(audit.reads(caller, "个人账户明细", a -> Owner.person(a.getIdNumber(), a.getRegionCode()), PersonalAccount::getId))
                .flatMapMany(a -> ledger.entries(accountId)).map(EntryView::of).collectList();
    }

    @PostMapping("/api/v1/enrollment/accounts/{accountId}/debits")
    @ApiResponse(responseCode = "201", description = "已记账")
    @ApiResponse(responseCode = "200", description = "同一幂等键已记账：返回原记账结果，不再记账")
    @Operation(summary = "个人账户支出（个人账户支付、家庭共济）；同一幂等键只记一次")
    @Access(scopes = ACCOUNT_SCOPE)
    public Mono<ResponseEntity<EntryView>> debit(@PathVariable String accountId, @RequestBody DebitRequest request, Caller caller) {
        return post(accountId, new PostEntry(EntryKind.DEBIT, amount(request.amount(), request.idempotencyKey()),
                request.idempotencyKey(), request.reference(), null,
                request.remark()));
    }

    @PostMapping("/api/v1/enrollment/accounts/{accountId}/credits")
    @ApiResponse(responseCode = "201", description = "已记账")
    @ApiResponse(responseCode = "200", description = "同一幂等键已记账：返回原记账结果，不再记账")
    @Operation(summary = "个人账户入账；同一幂等键只记一次")
    @Access(value = Role.FINANCE, scopes = ACCOUNT_SCOPE, object = Access.ObjectOwner.PATH)
    public Mono<ResponseEntity<EntryView>> credit(@PathVariable String accountId, @RequestBody AmountRequest request, Caller caller) {
        // authorize first (404/403 before any 400), then validate and post
        return staffServes(accountId, caller).then(Mono.defer(() -> {
            EntryKind kind = kind(request.kind(), EntryKind.CREDIT, CREDIT_KINDS);
            return post(accountId, new PostEntry(kind, amount(request.amount(), request.idempotencyKey()), request.idempotencyKey(), request.reference(),
                    null, request.remark()));
        }));
    }

    @PostMapping("/api/v1/enrollment/accounts/{accountId}/reversals")
    @ApiResponse(responseCode = "201", description = "已记账")
    @ApiResponse(responseCode = "200", description = "同一幂等键已记账：返回原记账结果，不再记账")
    @Operation(summary = "冲正一笔个人账户明细")
    @Access(value = Role.FINANCE, scopes = ACCOUNT_SCOPE, object = Access.ObjectOwner.PATH)
    public Mono<ResponseEntity<EntryView>> reverse(@PathVariable String accountId, @RequestBody ReversalRequest request, Caller caller) {
        return staffServes(accountId, caller).then(Mono.defer(() -> {
            new Violations().require("entryId", request.entryId()).require("idempotencyKey", request.idempotencyKey())
                    .throwIfAny();
            return post(accountId, PostEntry.reversal(request.entryId(), request.idempotencyKey(), request.reference(),
                    request.remark()));
        }));
    }

    @PostMapping("/api/v1/enrollment/accounts/contributions")
    @Operation(summary = "缴费数据划入个人账户（税务征收数据，按流水号只记一次）")
    @Access(scopes = CONTRIBUTION_SCOPE)
    public Mono<List<Contributions.LineResult>> contributions(@RequestBody ContributionBatch batch, Caller caller) {
        new Violations().require("postings", batch.postings()).throwIfAny();
        return contributions.apply(batch.postings()).collectList();
    }

    /** The account if the caller may see it: its holder, staff of its region, a system client with the scope; else 404. */
    private Mono<PersonalAccount> visible(String accountId, Caller caller) {
        return ledger.find(accountId).onErrorMap(ProblemException.class, e -> Authorize.notFound()).handle((a, sink) -> {
            if ((caller.isSystem() && caller.hasScope(ACCOUNT_SCOPE))
                    || Authorize.canSee(caller, Owner.person(a.getIdNumber(), a.getRegionCode()))) {
                sink.next(a);
            } else {
                sink.error(Authorize.notFound());
            }
        });
    }

    /** Finance staff post only in the regions they serve (system clients with the scope anywhere). */
    private Mono<PersonalAccount> staffServes(String accountId, Caller caller) {
        if (caller.isSystem()) {
            return Mono.empty();
        }
        return visible(accountId, caller).doOnNext(a -> caller.requireServes(a.getRegionCode()));
    }

    private Mono<ResponseEntity<EntryView>> post(String accountId, PostEntry command) {
        return ledger.post(accountId, command).map(r -> ResponseEntity
                .status(r.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Ledger-Replayed", String.valueOf(r.replayed()))
                .body(EntryView.of(r.entry())));
    }

    private static long amount(String amount, String idempotencyKey) {
        Violations v = new Violations().require("amount", amount).require("idempotencyKey", idempotencyKey);
        Long fen = Money.parseFen(amount);
        if (amount != null && !amount.isBlank()) {
            v.check(fen != null && fen > 0, "amount", "invalid-amount", "金额应为大于0且最多两位小数的金额");
        }
        v.throwIfAny();
        return fen;
    }

    private static EntryKind kind(String requested, EntryKind fallback, List<EntryKind> allowed) {
        if (requested == null || requested.isBlank()) {
            return fallback;
        }
        for (EntryKind k : allowed) {
            if (k.name().equals(requested)) {
                return k;
            }
        }
        throw ProblemException.validation(List.of(new Violation("kind", "unknown-option",
                "记账类型应为" + allowed.stream().map(Enum::name).collect(java.util.stream.Collectors.joining("或")))));
    }
}
