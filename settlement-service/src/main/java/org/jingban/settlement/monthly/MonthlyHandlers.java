package org.jingban.settlement.monthly;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

import org.jingban.platform.money.Money;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Role;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.jingban.platform.web.problem.Violations;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 主项十 月度结算: the institutions declare a month (622036010001 定点医疗机构 / 622036010002 定点零售药店) and upload its
 * details; staff then use the shared case endpoints ({@code /api/v1/settlement/cases/{no}/accept}, {@code /advance}
 * 审核 → 财务复核 → 负责人审批 → 拨付); the system completes the case when the bank books the payment.
 */
@RestController
@RequestMapping("/api/v1/settlement/monthly-declarations")
@Tag(name = "月度结算", description = "定点医药机构按月申报费用结算：申报、明细上传、对账与审核结果（金额一律为字符串，元）")
public class MonthlyHandlers {

    private static final String FORM = "结算月份（yyyy-MM，次月起申报）、医药费用月度汇总电子对账表（结算笔数、医疗费用总额、基金支付总额）、"
            + "明细信息（“直接结算记录”：取本机构该月直接结算记录；“上传明细”：随后以CSV上传）、收款账户（账号、开户行、户名）、申请材料。"
            + "同一机构同一月份只能申报一次（前次不予受理、未通过或撤回的除外），否则不予受理（422）";

    private final MonthlyDeclarations declarations;

    public MonthlyHandlers(MonthlyDeclarations declarations) {
        this.declarations = declarations;
    }

    @PostMapping("/medical-institutions")
    @Operation(summary = "定点医疗机构费用结算申报", description = FORM,
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = MonthlyDeclarations.MEDICAL)))
    @Access(Role.INSTITUTION)
    public Mono<ResponseEntity<Submitted>> medical(@RequestBody DeclarationForm form, Caller caller) {
        return declarations.declare(MonthlyDeclarations.Kind.MEDICAL_INSTITUTION, form, caller).map(Submitted::response);
    }

    @PostMapping("/retail-pharmacies")
    @Operation(summary = "定点零售药店费用结算申报", description = FORM,
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = MonthlyDeclarations.PHARMACY)))
    @Access(Role.INSTITUTION)
    public Mono<ResponseEntity<Submitted>> pharmacy(@RequestBody DeclarationForm form, Caller caller) {
        return declarations.declare(MonthlyDeclarations.Kind.RETAIL_PHARMACY, form, caller).map(Submitted::response);
    }

    @PostMapping(path = "/{caseNumber}/details", consumes = "text/csv")
    @Operation(summary = "上传费用明细（CSV）", description = "每行一笔：" + DetailsCsv.HEADER + "（可有表头行）；逐行读取，"
            + "全部格式错误一次性列出行号（400，不保存）。可附更正后的月度汇总（summaryCount、summaryTotal、summaryFund）。"
            + "受理前或待补正时可上传，答复对账结果",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code",
                    value = MonthlyDeclarations.MEDICAL + "," + MonthlyDeclarations.PHARMACY)))
    @Access(value = Role.INSTITUTION, object = Access.ObjectOwner.PATH)
    public Mono<DeclarationView> csv(@PathVariable String caseNumber, @RequestBody Flux<DataBuffer> body,
                                     @RequestParam(required = false) Long summaryCount,
                                     @RequestParam(required = false) String summaryTotal,
                                     @RequestParam(required = false) String summaryFund, Caller caller) {
        return declarations.uploadDetails(caseNumber, body, corrected(summaryCount, summaryTotal, summaryFund), caller);
    }

    @PostMapping(path = "/{caseNumber}/details", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传费用明细（multipart，文件字段 file）", description = "同 text/csv",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code",
                    value = MonthlyDeclarations.MEDICAL + "," + MonthlyDeclarations.PHARMACY)))
    @Access(value = Role.INSTITUTION, object = Access.ObjectOwner.PATH)
    public Mono<DeclarationView> multipart(@PathVariable String caseNumber, @RequestPart("file") Mono<FilePart> file,
                                           @RequestParam(required = false) Long summaryCount,
                                           @RequestParam(required = false) String summaryTotal,
                                           @RequestParam(required = false) String summaryFund, Caller caller) {
        MonthlyDeclaration.Summary corrected = corrected(summaryCount, summaryTotal, summaryFund);
        return file.switchIfEmpty(Mono.error(() -> ProblemException.validation(List.of(
                        new Violation("file", "required", "请上传明细文件（字段 file）")))))
                .flatMap(f -> declarations.uploadDetails(caseNumber, f.content(), corrected, caller));
    }

    @GetMapping("/{caseNumber}")
    @Operation(summary = "申报、对账与结算单据查询", description = "本机构的申报，或本区划经办人员：月度汇总、对账结果"
            + "（缺失、多报、金额不符、重复）、拒付/扣除明细（规则编码）、结算单据（应拨付金额）与拨付状态")
    @Access(value = {Role.INSTITUTION, Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.DIRECTOR},
            object = Access.ObjectOwner.PATH)
    public Mono<DeclarationView> one(@PathVariable String caseNumber, Caller caller) {
        return declarations.view(caseNumber, caller);
    }

    private static MonthlyDeclaration.Summary corrected(Long count, String total, String fund) {
        if (count == null && total == null && fund == null) {
            return null;
        }
        Violations v = new Violations().require("summaryCount", count).require("summaryTotal", total)
                .require("summaryFund", fund);
        Long totalFen = Money.parseFen(total);
        Long fundFen = Money.parseFen(fund);
        if (total != null && totalFen == null) {
            v.add("summaryTotal", "invalid-amount", "金额应为最多两位小数的数字（元）");
        }
        if (fund != null && fundFen == null) {
            v.add("summaryFund", "invalid-amount", "金额应为最多两位小数的数字（元）");
        }
        v.throwIfAny();
        return new MonthlyDeclaration.Summary(count, totalFen, fundFen);
    }
}
