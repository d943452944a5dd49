package org.jingban.designation.agreement;

import java.time.LocalDate;
import java.util.List;

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
import org.jingban.platform.web.problem.Violations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import org.jingban.designation.api.AgreementEvents;

/**
 * 医保协议 and the items after it: an agreement as its institution or the region's staff see it, the region's list,
 * the settlement question, and the applications 信息变更, 暂停（终止）, 恢复, 开通异地就医直接结算 (each a case; 受理 and the rest
 * of a case that is not instant go through {@code /api/v1/designated-institutions/cases}).
 */
@RestController
@RequestMapping("/api/v1/designated-institutions/agreements")
@Tag(name = "医保协议", description = "定点医药机构的医保协议：查询、信息变更、暂停（终止）、恢复、开通异地就医直接结算")
public class AgreementHandlers {

    private final Agreements agreements;
    private final AgreementItems items;
    private final AuditTrail audit;

    public AgreementHandlers(Agreements agreements, AgreementItems items, AuditTrail audit) {
        this.agreements = agreements;
        this.items = items;
        this.audit = audit;
    }

    @GetMapping("/mine")
    @Operation(summary = "本机构的医保协议", description = "以定点医药机构编码或（定点前的）统一社会信用代码查询")
    @Access(Role.INSTITUTION)
    public Flux<AgreementView> mine(Caller caller) {
        String code = caller.institutionCode();
        return agreements.byInstitutionCode(code).flux().switchIfEmpty(agreements.ofCreditCode(code)).map(AgreementView::of);
    }

    @GetMapping
    @Operation(summary = "本区划的医保协议（工作人员）", description = "按机构编码排序；人员证件号码、电话、银行账号已脱敏")
    @Access({Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.DIRECTOR})
    public Flux<AgreementView> list(@RequestParam String region, @RequestParam(required = false) String status,
                                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                                    Caller caller) {
        Violations v = new Violations();
        v.check(caller.serves(region), "region", "region.not-served", "您不服务区划" + region);
        Agreement.Status wanted = null;
        if (status != null) {
            try {
                wanted = Agreement.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                v.add("status", "unknown-option", "状态应为ACTIVE、SUSPENDED或TERMINATED");
            }
        }
        v.check(page >= 0, "page", "range", "页码不能为负");
        v.check(size >= 1 && size <= 100, "size", "range", "每页条数应在1到100之间");
        v.throwIfAny();
        return agreements.inRegion(region, wanted, page, size).map(AgreementView::of);
    }

    @GetMapping("/{institutionCode}")
    @Operation(summary = "一份医保协议", description = "该定点医药机构本身，或签约统筹地区的工作人员（查阅留痕）")
    @Access(value = {Role.INSTITUTION, Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<AgreementView> one(@PathVariable String institutionCode, Caller caller) {
        InstitutionCodes.checkPathCode(institutionCode);
        return visible(institutionCode, caller)
                .flatMap(a -> (caller.isStaff() ? audit.read(caller, owner(a), "医保协议", institutionCode) : Mono.<Void>empty())
                        .thenReturn(AgreementView.of(a)));
    }

    /** Whether the institution may settle a service of the scope on the day; the same answer as the events give. */
    public record Permission(boolean permitted, String institutionCode, String status, String scope, String date,
                             String reason) {
    }

    @GetMapping("/{institutionCode}/settlement-permission")
    @Operation(summary = "结算资格核验", description = "某定点医药机构某日可否结算某协议范围的费用：协议有效、在有效期内且在协议范围内。"
            + "scope：OUTPATIENT、INPATIENT、CHRONIC_DISEASE、MATERNITY、OFFSITE_SETTLEMENT、RETAIL_DRUGS；date缺省为今天")
    @Access({Role.SYSTEM, Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.DIRECTOR})
    public Mono<Permission> permission(@PathVariable String institutionCode,
            @io.swagger.v3.oas.annotations.Parameter(description = "协议范围", schema = @io.swagger.v3.oas.annotations.media.Schema(
                    allowableValues = {AgreementEvents.OUTPATIENT, AgreementEvents.INPATIENT, AgreementEvents.CHRONIC_DISEASE,
                            AgreementEvents.MATERNITY, AgreementEvents.OFFSITE_SETTLEMENT, AgreementEvents.RETAIL_DRUGS}))
            @RequestParam String scope,
                                       @RequestParam(required = false) String date, Caller caller) {
        InstitutionCodes.checkPathCode(institutionCode);
        Violations v = new Violations();
        v.check(Scopes.BY_LABEL.containsValue(scope), "scope", "unknown-scope", "未知的协议范围" + scope);
        LocalDate day = date == null ? agreements.today() : AgreementForms.date(v, "date", date);
        v.throwIfAny();
        return agreements.byInstitutionCode(institutionCode)
                .filter(a -> caller.isSystem() || caller.serves(a.getRegionCode()))
                .map(a -> new Permission(a.permits(scope, day), institutionCode, a.getStatus().name(), scope,
                        day.toString(), a.permits(scope, day) ? null : reason(a, scope, day)))
                .defaultIfEmpty(new Permission(false, institutionCode, null, scope, day.toString(), "不是定点医药机构"));
    }

    static String reason(Agreement a, String scope, LocalDate day) {
        if (a.getStatus() != Agreement.Status.ACTIVE) {
            return "协议" + a.getStatus().label();
        }
        if (day.isBefore(a.getValidFrom()) || day.isAfter(a.getValidUntil())) {
            return "不在协议有效期（" + a.getValidFrom() + "至" + a.getValidUntil() + "）内";
        }
        return "不在协议范围内（" + String.join("、", a.getScope().stream().map(Scopes::label).toList()) + "）";
    }

    // ------------------------------------------------------------------ the items after the agreement

    @PostMapping("/{institutionCode}/changes")
    @Operation(summary = "定点医药机构信息变更", description = "填写变更后的信息（仅变更项）；名称、法定代表人、主要负责人、实际控制人、注册地址、银行账户、"
            + "诊疗科目或经营范围、等级等重大信息变更须写明有关部门批准日期，自批准之日起30个工作日内提出（逾期的照常办理并记录逾期报告）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "local:定点医药机构信息变更")))
    @Access(value = {Role.INSTITUTION, Role.CLERK}, object = Access.ObjectOwner.PATH)
    public Mono<ResponseEntity<Submitted>> change(@PathVariable String institutionCode,
                                                  @RequestBody AgreementForms.InformationChange form, Caller caller) {
        InstitutionCodes.checkPathCode(institutionCode);
        return visible(institutionCode, caller).flatMap(a -> items.change(a, form, caller)).map(Submitted::response);
    }

    @PostMapping("/{institutionCode}/suspension")
    @Operation(summary = "定点医药机构申请暂停（终止）协议管理", description = "类型：暂停（写明原因、暂停开始日期，可写结束日期）或终止（原因，终止日期缺省为今天）；"
            + "暂停、终止期间不能结算",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code",
                    value = "local:songpan:定点医药机构申请暂停（终止）协议管理")))
    @Access(value = {Role.INSTITUTION, Role.CLERK}, object = Access.ObjectOwner.PATH)
    public Mono<ResponseEntity<Submitted>> suspension(@PathVariable String institutionCode,
                                                      @RequestBody AgreementForms.Suspension form, Caller caller) {
        InstitutionCodes.checkPathCode(institutionCode);
        return visible(institutionCode, caller).flatMap(a -> items.suspension(a, form, caller)).map(Submitted::response);
    }

    @PostMapping("/{institutionCode}/resumption")
    @Operation(summary = "定点医药机构申请恢复协议管理", description = "暂停协议管理的机构申请恢复，不超过10个工作日",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code",
                    value = "local:songpan:定点医药机构申请恢复协议管理")))
    @Access(value = {Role.INSTITUTION, Role.CLERK}, object = Access.ObjectOwner.PATH)
    public Mono<ResponseEntity<Submitted>> resumption(@PathVariable String institutionCode,
                                                      @RequestBody AgreementForms.Resumption form, Caller caller) {
        InstitutionCodes.checkPathCode(institutionCode);
        return visible(institutionCode, caller).flatMap(a -> items.resumption(a, form, caller)).map(Submitted::response);
    }

    @PostMapping("/{institutionCode}/offsite-settlement")
    @Operation(summary = "定点医药机构开通异地就医直接结算业务", description = "开通范围：省内异地、跨省异地；不超过22个工作日",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code",
                    value = "local:songpan:定点医药机构开通异地就医直接结算业务")))
    @Access(value = {Role.INSTITUTION, Role.CLERK}, object = Access.ObjectOwner.PATH)
    public Mono<ResponseEntity<Submitted>> offsite(@PathVariable String institutionCode,
                                                   @RequestBody AgreementForms.OffsiteSettlement form, Caller caller) {
        InstitutionCodes.checkPathCode(institutionCode);
        return visible(institutionCode, caller).flatMap(a -> items.offsite(a, form, caller)).map(Submitted::response);
    }

    private Mono<Agreement> visible(String institutionCode, Caller caller) {
        return agreements.byInstitutionCode(institutionCode).transform(Authorize.visibleToAny(caller, AgreementHandlers::owners));
    }

    /** Its institution by code, and (before the code was known to it) by 统一社会信用代码; staff of the signing region. */
    public static List<Owner> owners(Agreement a) {
        return List.of(owner(a), Owner.institution(a.getCreditCode(), a.getRegionCode()));
    }

    public static Owner owner(Agreement a) {
        return Owner.institution(a.getInstitutionCode(), a.getRegionCode());
    }
}
