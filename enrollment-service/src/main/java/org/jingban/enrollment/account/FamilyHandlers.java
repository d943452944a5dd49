package org.jingban.enrollment.account;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.platform.service.items.IdDocument;
import org.jingban.platform.identifiers.Masking;
import org.jingban.platform.money.Money;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Role;
import org.jingban.platform.web.problem.Violations;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import org.jingban.platform.service.openapi.OneOf;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** 职工医保个人账户家庭共济 (seed 004): the holder binds and unbinds relatives; settlement-service finds payers and debits. */
@RestController
@Tag(name = "家庭共济")
public class FamilyHandlers {

    private final FamilyAccounts family;

    public FamilyHandlers(FamilyAccounts family) {
        this.family = family;
    }

    public record BindForm(@JsonProperty("亲属姓名") String name, @JsonProperty("亲属证件类型及号码") IdDocument id,
                           @OneOf(of = FamilyAccounts.class, field = "RELATIONS") @JsonProperty("与本人关系") String relation) {
    }

    public record MemberView(String memberId, String relativeName, String relativeIdNumber, String relation, String status) {
        static MemberView of(FamilyMember m) {
            return new MemberView(m.getId(), m.getRelativeName(), Masking.idNumber(m.getRelativeIdNumber()), m.getRelation(),
                    m.getStatus().name());
        }
    }

    public record FamilyDebit(String relativeIdNumber, String amount, String idempotencyKey, String reference) {
    }

    /** The relative's 证件号码, and its type when not a 居民身份证. */
    public record PayerQuery(String relativeIdType, String relativeIdNumber) {
    }

    @PostMapping("/api/v1/enrollment/accounts/family-members")
    @ApiResponse(responseCode = "201", description = "已绑定共济亲属")
    @Operation(summary = "职工医保个人账户家庭共济：绑定共济亲属（甘肃省内参保）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-name", value = "职工医保个人账户家庭共济办理")))
    @Access(Role.INSURED_PERSON)
    public Mono<ResponseEntity<MemberView>> bind(@RequestBody BindForm form, Caller caller) {
        FamilyAccounts.checkRelative(new Violations().require("亲属姓名", form.name()), "", form.id(), form.relation())
                .throwIfAny();
        return family.bind(caller.idNumber(), form.id(), form.name(), form.relation())
                .map(m -> ResponseEntity.status(HttpStatus.CREATED).body(MemberView.of(m)));
    }

    @GetMapping("/api/v1/enrollment/accounts/family-members")
    @Operation(summary = "我的家庭共济亲属")
    @Access(Role.INSURED_PERSON)
    public Mono<List<MemberView>> mine(Caller caller) {
        return family.of(caller.idNumber()).map(MemberView::of).collectList();
    }

    @DeleteMapping("/api/v1/enrollment/accounts/family-members/{memberId}")
    @Operation(summary = "解除家庭共济绑定")
    @Access(value = Role.INSURED_PERSON, object = Access.ObjectOwner.PATH)
    public Mono<MemberView> unbind(@PathVariable String memberId, Caller caller) {
        return family.unbind(caller.idNumber(), memberId).map(MemberView::of);
    }

    @PostMapping("/api/v1/enrollment/accounts/family-payers")
    @Operation(summary = "查询可为某人支付的家庭共济账户（结算用）")
    @Access(scopes = AccountHandlers.ACCOUNT_SCOPE)
    public Mono<List<FamilyAccounts.Payer>> payers(@RequestBody PayerQuery query) {
        Violations v = new Violations().require("relativeIdNumber", query.relativeIdNumber());
        if (query.relativeIdNumber() != null && !query.relativeIdNumber().isBlank()) {
            // validated first: an invalid number is a 400, never an empty answer
            org.jingban.platform.service.items.IdDocument.validateNumber(v, "relativeIdType", query.relativeIdType(),
                    "relativeIdNumber", query.relativeIdNumber());
        }
        v.throwIfAny();
        return family.payersFor(query.relativeIdNumber()).collectList();
    }

    @PostMapping("/api/v1/enrollment/accounts/{accountId}/family-debits")
    @ApiResponse(responseCode = "201", description = "已记账")
    @ApiResponse(responseCode = "200", description = "同一幂等键已记账：返回原记账结果，不再记账")
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
        return family.debit(accountId, request.relativeIdNumber(), fen, request.idempotencyKey(), request.reference())
                .map(r -> ResponseEntity.status(r.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                        .header("Ledger-Replayed", String.valueOf(r.replayed())).body(EntryView.of(r.entry())));
    }
}
