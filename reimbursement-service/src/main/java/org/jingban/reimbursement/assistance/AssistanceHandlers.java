package org.jingban.reimbursement.assistance;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.platform.identifiers.ResidentIdNumber;
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
 * 主项八 医疗救助: the two applications, and the local adapter's intake of recognised 救助对象 from 民政. 受理, 审核,
 * 费用复核, 拨付 and 办结 go through the shared case endpoints.
 */
@RestController
@RequestMapping("/api/v1/reimbursement")
@Tag(name = "医疗救助", description = "主项八 救助对象参保个人缴费补贴、医疗救助对象手工（零星）报销")
public class AssistanceHandlers {

    private final AssistanceApplications applications;
    private final AssistanceRecipients recipients;

    public AssistanceHandlers(AssistanceApplications applications, AssistanceRecipients recipients) {
        this.applications = applications;
        this.recipients = recipients;
    }

    @PostMapping("/assistance/contribution-subsidies")
    @Operation(summary = "符合资助条件的救助对象参加城乡居民基本医疗保险个人缴费补贴",
            description = "参保人员信息（姓名、证件类型及号码）、银行账户信息、缴费年度、个人缴费金额、缴费凭证号及申请材料；"
                    + "救助对象身份经民政部门数据共享核验，未经认定的提交《个人家庭经济状况核查委托授权书》，认定后补贴",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036008001")))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> subsidy(@RequestBody AssistanceForm form, Caller caller) {
        return applications.apply(AssistanceApplications.SUBSIDY, form, caller).map(Submitted::response);
    }

    @PostMapping("/assistance/claims")
    @BodyExample({"结算单.医疗总费用=1200.00", "结算单.政策范围内费用=1000.00", "结算单.基本医疗保险支付=600.00", "结算单.大病保险支付=100.00"})
    @Operation(summary = "医疗救助对象手工（零星）报销",
            description = "参保人员信息、基本医保和大病保险报销后的结算单（结算单号、政策范围内费用、基本医疗保险支付、大病保险支付）、"
                    + "定点医疗机构处方底方或定点药店购药发票、银行账户信息（松潘须为社保卡金融账户）及申请材料；由认定地（户籍地）经办机构办理，"
                    + "每张结算单救助一次",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036008002")))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> claim(@RequestBody AssistanceForm form, Caller caller) {
        return applications.apply(AssistanceApplications.CLAIM, form, caller).map(Submitted::response);
    }

    /** One recognised 救助对象 as the civil-affairs exchange delivers it. */
    public record Recognised(@JsonProperty("证件号码") String idNumber, @JsonProperty("姓名") String name,
                             @JsonProperty("救助对象类别") String category, @JsonProperty("认定地") String regionCode) {
    }

    @PostMapping("/shared-data/assistance-recipients")
    @Operation(summary = "部门数据共享：接收民政部门认定的救助对象（本地适配器）", description = "民政部门数据交换的系统客户端")
    @Access(Role.SYSTEM)
    public Mono<Map<String, String>> receive(@RequestBody Recognised r) {
        Violations v = new Violations().require("证件号码", r.idNumber()).require("救助对象类别", r.category())
                .require("认定地", r.regionCode());
        if (r.idNumber() != null && !r.idNumber().isBlank()) {
            ResidentIdNumber.check(r.idNumber()).ifPresent(p -> v.add("证件号码", p.code(), p.message()));
        }
        if (r.regionCode() != null) {
            v.check(r.regionCode().matches("\\d{6}"), "认定地", "unknown-region", "认定地应为6位区划代码");
        }
        v.throwIfAny();
        return recipients.receive(new AssistanceRecipients.Recipient(r.idNumber(), r.name(), r.category(), r.regionCode(), null))
                .map(saved -> Map.of("救助对象类别", saved.category()));
    }
}
