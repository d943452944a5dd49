package org.jingban.offsitefiling.onething;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Authorize;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Owner;
import org.jingban.platform.security.Role;
import org.jingban.platform.security.audit.AuditTrail;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.service.openapi.BodyExample;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * 就医费用报销“一件事” (seed 004): one application (一表申报) and its 办理进度, each part's state. The bundle's case is also
 * on the shared case endpoints ({@code /api/v1/offsite-filing/cases/{caseNumber}}); the 备案 it made is on
 * {@code /filings/{filingNumber}}.
 */
@RestController
@RequestMapping("/api/v1/offsite-filing/one-things")
@Tag(name = "就医费用报销一件事", description = "甘肃省就医费用报销“一件事”：职工医保个人账户家庭共济办理、异地就医备案、"
        + "五种门诊慢特病费用跨省直接结算、医疗费用报销直接结算，一次申请、一个办件号")
public class OneThingHandlers {

    private static final String APPLY = "多表合一，一表申报：本人信息（姓名、证件类型及号码、参保险种、联系电话）只填一次；"
            + "异地就医备案按表11填写备案类别、登记类别、申请备案开始日期、就医地等；需办理家庭共济的填写共济亲属（亲属姓名、"
            + "亲属证件类型及号码、与本人关系）；申请材料一次提交。承诺办结时限2个工作日（法定3个工作日）。"
            + "各事项分别办理：某一事项未办成的，一次性告知原因，不影响已办结的事项。职工医保个人账户家庭共济办理仅支持在甘肃省内参保人员";

    private final OneThingApplications applications;
    private final AuditTrail audit;

    public OneThingHandlers(OneThingApplications applications, AuditTrail audit) {
        this.applications = applications;
        this.audit = audit;
    }

    @PostMapping
    @Operation(summary = "就医费用报销一件事：一次申请", description = APPLY,
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = OneThingApplications.CODE)))
    @BodyExample({"备案类别=异地长期居住人员", "登记类别=新增", "就医地=110100", "参保地联系地址=甘肃省兰州市城关区",
            "申请材料[0]=有效身份证件", "共济亲属[0].与本人关系=配偶",
            "共济亲属[0].亲属证件类型及号码.证件号码=620602199202020029"})
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> apply(@RequestBody OneThingForm form, Caller caller) {
        return applications.apply(form, caller).map(Submitted::response);
    }

    @GetMapping("/{caseNumber}")
    @Operation(summary = "就医费用报销一件事：办理进度", description = "一个办件号：各事项的办理状态、承诺和法定办结期限（超期显示在本件上）、"
            + "未办成事项的一次性告知；本人，或参保地的工作人员（查阅留痕）")
    @Access(value = {Role.INSURED_PERSON, Role.CLERK, Role.REVIEWER, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<OneThingView> progress(@PathVariable String caseNumber, Caller caller) {
        return applications.byNumber(caseNumber)
                .transform(Authorize.visibleTo(caller, OneThingHandlers::owner))
                .transform(audit.reads(caller, "就医费用报销一件事", OneThingHandlers::owner, OneThing::getCaseNumber))
                .flatMap(applications::view);
    }

    static Owner owner(OneThing t) {
        return Owner.person(t.getIdNumber(), t.getRegionCode());
    }
}
