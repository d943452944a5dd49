package org.jingban.settlement.direct;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * 直接结算 for designated institutions (token with {@code institution_code}): 预结算, 结算, 查询, 冲正. The items: Wuwei's
 * 主动服务 普通门诊 and 门诊慢特病 ({@code local:wuwei:…}) and seed 004's 医疗费用报销直接结算 / 五种门诊慢特病费用跨省直接结算,
 * which are not case items: the institution settles at its counter, no application is made.
 */
@RestController
@RequestMapping("/api/v1/settlement")
@Tag(name = "直接结算", description = "定点医药机构为参保人员即时结算医疗费用：预结算、结算、冲正（金额一律为字符串，元）")
public class SettlementHandlers {

    static final String ITEMS = "local:wuwei:普通门诊,local:wuwei:门诊慢特病";
    private static final String BILL = "invoiceNumber 票据号码、idNumber 证件号码、visitType（OUTPATIENT 普通门诊 / CHRONIC_OUTPATIENT 门诊慢特病 / "
            + "INPATIENT 住院）、visitDate 就诊（出院）日期、admissionDate 入院日期（住院）、diseaseCode 病种编码（门诊慢特病）、"
            + "lines 费用明细（code、name、category 甲类/乙类/丙类/自费、quantity、unitPrice、amount）、usePersonalAccount（职工，默认是）。"
            + "不符合结算条件的（未参保或参保状态异常、机构协议暂停/终止或范围不含、统筹区外就医无异地备案、门诊慢特病无待遇资格）一次性列出全部原因（422）";

    private final DirectSettlements settlements;

    public SettlementHandlers(DirectSettlements settlements) {
        this.settlements = settlements;
    }

    public record ReversalRequest(String reason) {
    }

    @PostMapping("/pre-settlements")
    @Operation(summary = "预结算", description = BILL + "；按当前年度累计与个人账户余额试算，不记账、不累计",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = ITEMS)))
    @Access(Role.INSTITUTION)
    public Mono<Receipt> preSettle(@RequestBody SettlementRequest request, Caller caller) {
        return settlements.preSettle(request, caller).map(Receipt::preview);
    }

    @PostMapping("/settlements")
    @ApiResponse(responseCode = "201", description = "已结算：结算单（基金、个人账户、现金各支付多少）")
    @ApiResponse(responseCode = "200", description = "同一结算（票据号）已结算：返回原结算单，不再结算")
    @Operation(summary = "结算", description = BILL + "；同一机构同一票据只结算一次：重发同一请求返回原结算（200），"
            + "新结算 201。个人账户支付以结算流水号为幂等键；个人账户服务不可用或拒绝时，该部分改由现金支付并在结算单注明",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = ITEMS)))
    @Access(Role.INSTITUTION)
    public Mono<ResponseEntity<Receipt>> settle(@RequestBody SettlementRequest request, Caller caller) {
        return settlements.settle(request, caller).map(r -> ResponseEntity
                .status(r.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(Receipt.of(r.settlement())));
    }

    @GetMapping("/settlements/{settlementId}")
    @Operation(summary = "结算单查询", description = "本机构的一笔结算（他机构的结算答复404）")
    @Access(value = Role.INSTITUTION, object = Access.ObjectOwner.PATH)
    public Mono<Receipt> one(@PathVariable String settlementId, Caller caller) {
        return settlements.find(settlementId, caller).map(Receipt::of);
    }

    @PostMapping("/settlements/{settlementId}/reversal")
    @ApiResponse(responseCode = "200", description = "已冲正")
    @ApiResponse(responseCode = "202", description = "冲正已受理，个人账户退回尚未完成（稍后自动完成）")
    @Operation(summary = "冲正（退费）", description = "退回年度累计，已由个人账户支付的部分退回个人账户；重复冲正返回同一结果。"
            + "个人账户服务暂不可用时答复202（冲正中），系统自动完成",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = ITEMS)))
    @Access(value = Role.INSTITUTION, object = Access.ObjectOwner.PATH)
    public Mono<ResponseEntity<Receipt>> reverse(@PathVariable String settlementId,
                                                 @RequestBody(required = false) ReversalRequest request, Caller caller) {
        return settlements.reverse(settlementId, request == null ? null : request.reason(), caller)
                .map(s -> ResponseEntity.status(s.getStatus() == Settlement.Status.REVERSED ? HttpStatus.OK : HttpStatus.ACCEPTED)
                        .body(Receipt.of(s)));
    }
}
