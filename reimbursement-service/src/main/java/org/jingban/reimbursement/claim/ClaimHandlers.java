package org.jingban.reimbursement.claim;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.platform.identifiers.Masking;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Authorize;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Owner;
import org.jingban.platform.security.Role;
import org.jingban.platform.security.audit.AuditTrail;
import org.jingban.platform.service.items.Submitted;
import org.jingban.reimbursement.payment.PaymentOrder;
import org.jingban.reimbursement.payment.PaymentOrders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import org.jingban.platform.service.openapi.BodyExample;

/**
 * 主项六 手工（零星）报销: the two applications, and the payment of a case (for the applicant and the office). 受理,
 * 审核, 大额医疗费用核查, 费用复核 and 拨付 go through the shared case endpoints ({@code /api/v1/reimbursement/cases}).
 */
@RestController
@RequestMapping("/api/v1/reimbursement")
@Tag(name = "手工（零星）报销", description = "主项六 基本医疗保险参保人员医疗费用手工（零星）报销：门(急)诊、住院")
public class ClaimHandlers {

    private static final String APPLY = "姓名、证件类型及号码、业务类型、材料明细及数量、联系电话、银行账户信息（账号、开户行；非本人账户提供相关材料）；"
            + "医疗机构名称、等级（一级/二级/三级）、就医地（6位区划代码）；票据（号码、金额）与费用明细（项目编码、名称、类别 甲类/乙类/丙类/自费、"
            + "数量、单价、金额，合计应与票据一致）。金额一律为字符串（元，最多两位小数）。同一票据只能报销一次，已联网结算的票据不能手工报销。"
            + "答复含预计报销金额及计算明细，实际金额以拨付时核定为准";

    private final Claims claims;
    private final PaymentOrders orders;
    private final AuditTrail audit;

    public ClaimHandlers(Claims claims, PaymentOrders orders, AuditTrail audit) {
        this.claims = claims;
        this.orders = orders;
        this.audit = audit;
    }

    @PostMapping("/claims/outpatient")
    @Operation(summary = "门(急)诊费用报销", description = APPLY + "；业务类型：普通门诊、急诊、门诊慢特病（填病种编码）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036006001")))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> outpatient(@RequestBody ClaimForm form, Caller caller) {
        return claims.apply(ClaimKind.OUTPATIENT, form, caller).map(Submitted::response);
    }

    @PostMapping("/claims/inpatient")
    @BodyExample({"业务类型=普通住院", "入院日期=2026-02-02", "出院日期=2026-02-09"})
    @Operation(summary = "住院费用报销", description = APPLY + "；业务类型：普通住院、急诊住院；入院日期、出院日期",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036006002")))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> inpatient(@RequestBody ClaimForm form, Caller caller) {
        return claims.apply(ClaimKind.INPATIENT, form, caller).map(Submitted::response);
    }

    /** A payment as the applicant and the office see it (the account masked). */
    public record PaymentView(String caseNumber, String itemCode, String amount, String status, String statusLabel,
                              String account, String bank, List<PaymentOrder.Line> breakdown, List<String> invoices,
                              String orderedAt, String confirmedAt) {
        static PaymentView of(PaymentOrder o) {
            return new PaymentView(o.getCaseNumber(), o.getItemCode(), o.amount().toString(), o.getStatus().name(),
                    o.getStatus().label(), Masking.bankAccount(o.getAccountNumber()), o.getBankName(), o.getBreakdown(),
                    o.getInvoiceNumbers(), String.valueOf(o.getOrderedAt()),
                    o.getConfirmedAt() == null ? null : o.getConfirmedAt().toString());
        }
    }

    @GetMapping("/claims/{caseId}/payment")
    @Operation(summary = "报销支付情况", description = "拨付后的报销金额、计算明细与到账状态；本人或参保地工作人员（查阅留痕）")
    @Access(value = {Role.INSURED_PERSON, Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.DIRECTOR},
            object = Access.ObjectOwner.PATH)
    public Mono<PaymentView> payment(@PathVariable String caseId, Caller caller) {
        return orders.find(caseId)
                .transform(Authorize.visibleTo(caller, ClaimHandlers::owner))
                .transform(audit.reads(caller, "报销支付", ClaimHandlers::owner, PaymentOrder::getCaseNumber))
                .map(PaymentView::of);
    }

    static Owner owner(PaymentOrder o) {
        return Owner.person(o.getIdNumber(), o.getRegionCode());
    }
}
