package org.jingban.reimbursement.maternity;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Role;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.web.problem.Violations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import org.jingban.platform.service.openapi.BodyExample;

/**
 * 主项七 生育保险待遇: the four applications, and the local adapter's intake of 出生医学证明 shared by the health
 * department. 受理, 审核 (待遇审核), 费用复核, 拨付 and 办结 go through the shared case endpoints.
 */
@RestController
@RequestMapping("/api/v1/reimbursement")
@Tag(name = "生育保险待遇", description = "主项七 产前检查费、生育医疗费、计划生育医疗费、生育津贴支付")
public class MaternityHandlers {

    private static final String APPLY = "姓名、证件类型及号码、申请人类别（女职工、领取失业保险金的女职工、男职工未就业配偶——另填参保职工姓名及证件）、"
            + "联系电话、银行账户信息（非本人账户提供相关材料）、就诊日期及申请材料；出生医学证明先经部门数据共享核验（填出生医学证明编号），"
            + "无法获取的由申请人提供，无法提供的可以个人承诺书替代（承诺替代材料）。金额一律为字符串";
    private static final String BILL = "；医疗机构名称、票据与费用明细（甲类/乙类在参保地支付标准内支付）";

    private final MaternityClaims claims;
    private final BirthCertificates births;

    public MaternityHandlers(MaternityClaims claims, BirthCertificates births) {
        this.claims = claims;
        this.births = births;
    }

    @PostMapping("/maternity/prenatal-care")
    @Operation(summary = "产前检查费支付", description = APPLY + BILL + "；门诊病历",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036007001")))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> prenatal(@RequestBody MaternityForm form, Caller caller) {
        return claims.apply(MaternityKind.PRENATAL, form, caller).map(Submitted::response);
    }

    @PostMapping("/maternity/delivery")
    @Operation(summary = "生育医疗费支付", description = APPLY + BILL + "；参保缴费信息（参保单位）、分娩方式（顺产/剖宫产/流产）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036007002")))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> delivery(@RequestBody MaternityForm form, Caller caller) {
        return claims.apply(MaternityKind.DELIVERY, form, caller).map(Submitted::response);
    }

    @PostMapping("/maternity/family-planning")
    @Operation(summary = "计划生育医疗费支付", description = APPLY + BILL + "；手术项目（参保地支付标准所列）；男职工本人亦可申请",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036007003")))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> familyPlanning(@RequestBody MaternityForm form, Caller caller) {
        return claims.apply(MaternityKind.FAMILY_PLANNING, form, caller).map(Submitted::response);
    }

    @PostMapping("/maternity/allowance")
    @BodyExample("流产妊娠月数=null")
    @Operation(summary = "生育津贴支付", description = APPLY + "；参保缴费信息（参保单位）、单位上年度职工月平均工资、产假开始日期、是否难产、胎数"
            + "（或流产妊娠月数）；生育津贴＝单位上年度职工月平均工资÷30×天数（参保地规定）；松潘由参保单位申领并划入单位账户",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036007004")))
    @Access({Role.INSURED_PERSON, Role.EMPLOYER_AGENT, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> allowance(@RequestBody MaternityForm form, Caller caller) {
        return claims.apply(MaternityKind.ALLOWANCE, form, caller).map(Submitted::response);
    }

    /** One 出生医学证明 as the health department's exchange delivers it. */
    public record SharedBirthCertificate(@JsonProperty("出生医学证明编号") String number,
                                         @JsonProperty("母亲证件号码") String motherIdNumber,
                                         @JsonProperty("新生儿姓名") String babyName) {
    }

    @PostMapping("/shared-data/birth-certificates")
    @Operation(summary = "部门数据共享：接收出生医学证明（本地适配器）", description = "卫健部门数据交换的系统客户端；生育保险待遇据此核验，申请人无需再提供")
    @Access(Role.SYSTEM)
    public Mono<java.util.Map<String, String>> receive(@RequestBody SharedBirthCertificate c) {
        new Violations().require("出生医学证明编号", c.number()).require("母亲证件号码", c.motherIdNumber()).throwIfAny();
        return births.receive(new BirthCertificates.SharedBirthCertificate(c.number(), c.motherIdNumber(), c.babyName(), null))
                .map(saved -> java.util.Map.of("出生医学证明编号", saved.number()));
    }
}
