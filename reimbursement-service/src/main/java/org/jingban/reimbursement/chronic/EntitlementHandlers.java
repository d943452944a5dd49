package org.jingban.reimbursement.chronic;


import com.fasterxml.jackson.annotation.JsonProperty;
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
import org.jingban.platform.web.problem.Violations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import org.jingban.platform.service.openapi.BodyExample;

/**
 * 主项五 门诊慢特病病种待遇认定 (and Songpan's two local items): the applications (表12), the disease lists, 我的认定,
 * one entitlement, a change of the designated institution and the end of an entitlement. 受理, 补正, 审核 and 办结 go
 * through the shared case endpoints ({@code /api/v1/reimbursement/cases}).
 */
@RestController
@RequestMapping("/api/v1/reimbursement")
@Tag(name = "门诊慢特病待遇认定", description = "主项五 门诊慢特病病种待遇认定：表12 申请、病种目录、待遇资格")
public class EntitlementHandlers {

    private static final String APPLY = "表12 门诊慢特病病种待遇认定申请表：姓名、年龄、参保险种（职工医保/城乡居民医保）、证件类型及号码、联系电话、"
            + "参保地、申请病种名称，选定的定点医疗机构及申请材料。材料不齐的不予退回，一次性告知补正；定点医疗机构可代为受理（一站式）";

    private final EntitlementApplications applications;
    private final Entitlements entitlements;
    private final ChronicDiseaseProperties diseases;
    private final AuditTrail audit;

    public EntitlementHandlers(EntitlementApplications applications, Entitlements entitlements,
                               ChronicDiseaseProperties diseases, AuditTrail audit) {
        this.applications = applications;
        this.entitlements = entitlements;
        this.diseases = diseases;
        this.audit = audit;
    }

    @PostMapping("/entitlements/chronic-diseases")
    @BodyExample("申请病种名称=高血压")
    @Operation(summary = "门诊慢特病病种待遇认定", description = APPLY,
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036005000")))
    @Access({Role.INSURED_PERSON, Role.CLERK, Role.INSTITUTION})
    public Mono<ResponseEntity<Submitted>> chronic(@RequestBody EntitlementForm form, Caller caller) {
        return applications.apply(EntitlementKind.GENERAL, form, caller).map(Submitted::response);
    }

    @PostMapping("/entitlements/hypertension-diabetes")
    @BodyExample({"申请病种名称=高血压", "参保险种=城乡居民医保"})
    @Operation(summary = "城乡居民医保参保人员高血压、糖尿病病种待遇认定（松潘）", description = APPLY + "；仅城乡居民医保参保人员",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code",
                    value = "local:songpan:城乡居民医保参保人员高血压、糖尿病病种待遇认定")))
    @Access({Role.INSURED_PERSON, Role.CLERK, Role.INSTITUTION})
    public Mono<ResponseEntity<Submitted>> hypertensionDiabetes(@RequestBody EntitlementForm form, Caller caller) {
        return applications.apply(EntitlementKind.HYPERTENSION_DIABETES, form, caller).map(Submitted::response);
    }

    @PostMapping("/entitlements/special-drugs")
    @BodyExample("申请病种名称=恶性肿瘤门诊治疗")
    @Operation(summary = "单行支付药品、高值药品支付管理病种待遇认定（松潘）", description = APPLY,
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code",
                    value = "local:songpan:单行支付药品、高值药品支付管理病种待遇认定")))
    @Access({Role.INSURED_PERSON, Role.CLERK, Role.INSTITUTION})
    public Mono<ResponseEntity<Submitted>> specialDrugs(@RequestBody EntitlementForm form, Caller caller) {
        return applications.apply(EntitlementKind.SPECIAL_DRUGS, form, caller).map(Submitted::response);
    }

    /** One disease of a list. */
    public record DiseaseView(String code, String name, boolean crossProvince) {
    }

    @GetMapping("/chronic-diseases")
    @Operation(summary = "病种目录", description = "各认定事项可申请的病种（编码、名称、是否跨省直接结算病种）；病种目录为统筹地区配置")
    @Access({Role.INSURED_PERSON, Role.CLERK, Role.REVIEWER, Role.DIRECTOR, Role.INSTITUTION, Role.SYSTEM})
    public Flux<DiseaseView> diseases() {
        return Flux.fromIterable(diseases.of(EntitlementKind.GENERAL))
                .map(d -> new DiseaseView(d.getCode(), d.getName(), d.isCrossProvince()));
    }

    /** An entitlement as its holder and the office see it. */
    public record EntitlementView(String entitlementNumber, String itemCode, String kind, String name, String idNumber,
                                  String insuranceType, String regionCode, String diseaseCode, String diseaseName,
                                  boolean crossProvince, String institutionCode, String institutionName,
                                  String validFrom, String validUntil, String status, String statusLabel,
                                  String endReason) {
        static EntitlementView of(Entitlement e) {
            return new EntitlementView(e.getEntitlementNumber(), e.getKind().itemCode(), e.getKind().label(),
                    e.getName(), Masking.idNumber(e.getIdNumber()), e.getInsuranceType(), e.getRegionCode(),
                    e.getDiseaseCode(), e.getDiseaseName(), e.isCrossProvince(), e.getInstitutionCode(),
                    e.getInstitutionName(), String.valueOf(e.getValidFrom()),
                    e.getValidUntil() == null ? null : e.getValidUntil().toString(), e.getStatus().name(),
                    e.getStatus().label(), e.getEndReason());
        }
    }

    @GetMapping("/entitlements/mine")
    @Operation(summary = "我的门诊慢特病待遇", description = "本人的全部认定（有效、已终止），新的在前")
    @Access(Role.INSURED_PERSON)
    public Flux<EntitlementView> mine(Caller caller) {
        return entitlements.ofPerson(caller.idNumber()).map(EntitlementView::of);
    }

    @GetMapping("/entitlements/{entitlementNumber}")
    @Operation(summary = "一项门诊慢特病待遇", description = "本人或参保地工作人员（查阅留痕）")
    @Access(value = {Role.INSURED_PERSON, Role.CLERK, Role.REVIEWER, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<EntitlementView> one(@PathVariable String entitlementNumber, Caller caller) {
        return entitlements.byNumber(entitlementNumber)
                .transform(Authorize.visibleTo(caller, EntitlementHandlers::owner))
                .transform(audit.reads(caller, "门诊慢特病待遇", EntitlementHandlers::owner, Entitlement::getEntitlementNumber))
                .map(EntitlementView::of);
    }

    /** The designated institution chosen for the disease's outpatient care. */
    public record InstitutionChoice(@JsonProperty("定点医疗机构编码") String code,
                                    @JsonProperty("定点医疗机构名称") String name) {
    }

    @PostMapping("/entitlements/{entitlementNumber}/institution")
    @Operation(summary = "变更门诊慢特病定点医疗机构", description = "本人或参保地受理人员；结算服务据此更新",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036005000")))
    @Access(value = {Role.INSURED_PERSON, Role.CLERK}, object = Access.ObjectOwner.PATH)
    public Mono<EntitlementView> changeInstitution(@PathVariable String entitlementNumber,
                                                   @RequestBody InstitutionChoice choice, Caller caller) {
        return entitlements.byNumber(entitlementNumber)
                .transform(Authorize.visibleTo(caller, EntitlementHandlers::owner))
                .doOnNext(e -> new Violations().require("定点医疗机构名称", choice.name()).throwIfAny())
                .flatMap(e -> entitlements.change(entitlementNumber, x -> x.changeInstitution(
                        blank(choice.code()), choice.name().trim())))
                .flatMap(e -> audit.decision(caller, owner(e), "门诊慢特病待遇", entitlementNumber, "变更定点医疗机构")
                        .thenReturn(e))
                .map(EntitlementView::of);
    }

    /** Why an entitlement ends. */
    public record Ending(@JsonProperty("终止原因") String reason) {
    }

    @PostMapping("/entitlements/{entitlementNumber}/end")
    @Operation(summary = "终止门诊慢特病待遇", description = "本人申请终止，或参保地审核人员依核查结果终止；已终止的再次终止不改变任何内容",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036005000")))
    @Access(value = {Role.INSURED_PERSON, Role.REVIEWER, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<EntitlementView> end(@PathVariable String entitlementNumber, @RequestBody Ending ending, Caller caller) {
        return entitlements.byNumber(entitlementNumber)
                .transform(Authorize.visibleTo(caller, EntitlementHandlers::owner))
                .doOnNext(e -> new Violations().require("终止原因", ending.reason()).throwIfAny())
                .flatMap(e -> entitlements.end(entitlementNumber, ending.reason().trim()))
                .flatMap(e -> audit.decision(caller, owner(e), "门诊慢特病待遇", entitlementNumber, "终止待遇")
                        .thenReturn(e))
                .map(EntitlementView::of);
    }

    static Owner owner(Entitlement e) {
        return Owner.person(e.getIdNumber(), e.getRegionCode());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
