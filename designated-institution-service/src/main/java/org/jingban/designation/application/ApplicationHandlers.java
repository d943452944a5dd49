package org.jingban.designation.application;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.designation.agreement.Scopes;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Owner;
import org.jingban.platform.security.Role;
import org.jingban.platform.security.audit.AuditTrail;
import org.jingban.platform.service.cases.CaseActors;
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
import org.jingban.platform.service.openapi.OneOf;
import org.jingban.platform.service.openapi.BodyExample;

/**
 * 主项九 医药机构申请定点协议管理: the applications (表14, 表15) and the steps after 受理 that are this item's own (评估, 公示
 * and objections, 协商谈判, 签订医保协议). 受理 (表19/表20), 补齐补正 (表21), 不予受理 (表22), 补正材料 and 撤回 are the shared
 * case endpoints under {@code /api/v1/designated-institutions/cases}; the documents are under {@code /documents}.
 */
@RestController
@RequestMapping("/api/v1/designated-institutions/applications")
@Tag(name = "定点申请", description = "医疗机构、零售药店申请定点协议管理：申请、评估、公示与异议、协商谈判、签订医保协议")
public class ApplicationHandlers {

    /** The steps after 受理 belong to both items (x-item-code of their operations). */
    static final String DESIGNATION_ITEMS = "622036009001,622036009002";

    private final DesignationApplications applications;
    private final DesignationSteps steps;
    private final Dossiers dossiers;
    private final SupplementLapse lapse;
    private final AuditTrail audit;

    public ApplicationHandlers(DesignationApplications applications, DesignationSteps steps, Dossiers dossiers,
                               SupplementLapse lapse, AuditTrail audit) {
        this.applications = applications;
        this.steps = steps;
        this.dossiers = dossiers;
        this.lapse = lapse;
        this.audit = audit;
    }

    @PostMapping("/medical-institutions")
    @BodyExample({"申请协议范围=[\"门诊\", \"住院\"]", "医疗机构等级=二级甲等"})
    @Operation(summary = "医疗机构申请定点协议管理", description = "表14 医疗机构申请定点协议管理申请表（29项受理信息必填项）及申请材料；"
            + "申请前尚无定点编码的机构以其统一社会信用代码作为机构身份。表单问题一次性全部告知（400），不符合办理条件的不予受理（422，表22）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036009001")))
    @Access({Role.INSTITUTION, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> medical(@RequestBody MedicalInstitutionForm form, Caller caller) {
        return applications.apply(form, caller).map(Submitted::response);
    }

    @PostMapping("/retail-pharmacies")
    @BodyExample("申请协议范围=[\"药品零售\"]")
    @Operation(summary = "零售药店申请定点协议管理", description = "表15 零售药店申请定点协议管理申请表（28项受理信息必填项）及申请材料",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036009002")))
    @Access({Role.INSTITUTION, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> pharmacy(@RequestBody PharmacyForm form, Caller caller) {
        return applications.apply(form, caller).map(Submitted::response);
    }

    @GetMapping("/mine")
    @Operation(summary = "本机构的定点申请", description = "以统一社会信用代码（申请时的机构身份）查询，新的在前")
    @Access(Role.INSTITUTION)
    public Flux<DossierView> mine(Caller caller) {
        String code = caller.institutionCode();
        return dossiers.ofCreditCode(code).concatMap(d -> steps.visible(d.getCaseNumber(), caller)
                .map(app -> DossierView.of(app.kase(), app.dossier(), null, false)).onErrorResume(e -> Mono.empty()));
    }

    @GetMapping("/{caseNumber}")
    @Operation(summary = "一件定点申请", description = "申请机构本身，或统筹地区的工作人员（查阅留痕）")
    @Access(value = {Role.INSTITUTION, Role.CLERK, Role.REVIEWER, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<DossierView> one(@PathVariable String caseNumber, Caller caller) {
        return steps.visible(caseNumber, caller)
                .flatMap(app -> (caller.isStaff() ? audit.read(caller, owner(app), "定点申请", caseNumber)
                        : Mono.<Void>empty()).thenReturn(view(app, caller)));
    }

    // ------------------------------------------------------------------ 评估

    public record EvaluationForm(@OneOf(of = ApplicationHandlers.class, field = "EVALUATION_RESULTS") @JsonProperty("结果") String result,
                                 @OneOf(of = ApplicationHandlers.class, field = "METHODS") @JsonProperty("评估方式") String method,
                                 @JsonProperty("评估机构") String evaluator, @JsonProperty("评估意见") String findings,
                                 @JsonProperty("不合格理由") List<String> reasons,
                                 @JsonProperty("整改建议") List<String> suggestions,
                                 @JsonProperty("报行政部门备案日期") String filedOn) {
    }

    static final List<String> METHODS = List.of("评估小组", "第三方机构");
    static final List<String> EVALUATION_RESULTS = List.of("合格", "不合格");
    static final List<String> CONCLUSIONS = List.of("成立", "不成立");
    static final List<String> NEGOTIATION_RESULTS = List.of("达成一致", "未达成一致");

    @PostMapping("/{caseNumber}/evaluation")
    @Operation(summary = "评估结论", description = "评估小组或第三方机构书面、现场评估后记录评估意见（报同级医疗保障行政部门备案）；"
            + "合格进入公示，不合格的告知理由和整改建议（表23），整改3个月后可再次申请，再次评估仍不合格的12个月内不得再次申请。"
            + "受理人员不能评估同一申请",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = DESIGNATION_ITEMS)))
    @Access(value = {Role.REVIEWER, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<DossierView> evaluate(@PathVariable String caseNumber, @RequestBody(required = false) EvaluationForm form,
                                      Caller caller) {
        return steps.visible(caseNumber, caller).flatMap(app -> {
            Violations v = new Violations();
            EvaluationForm f = form == null ? new EvaluationForm(null, null, null, null, null, null, null) : form;
            v.require("结果", f.result()).require("评估方式", f.method()).require("评估意见", f.findings());
            if (f.result() != null && !f.result().isBlank()) {
                v.check(EVALUATION_RESULTS.contains(f.result()), "结果", "unknown-option", "结果应为合格或不合格");
            }
            if (f.method() != null && !f.method().isBlank()) {
                v.check(METHODS.contains(f.method()), "评估方式", "unknown-option", "评估方式应为评估小组或第三方机构");
                if ("第三方机构".equals(f.method())) {
                    v.require("评估机构", f.evaluator());
                }
            }
            boolean failed = "不合格".equals(f.result());
            if (failed) {
                v.require("不合格理由", nonBlank(f.reasons())).require("整改建议", nonBlank(f.suggestions()));
            }
            LocalDate filed = date(v, "报行政部门备案日期", f.filedOn());
            v.throwIfAny();
            return steps.evaluate(caseNumber, caller, new DesignationSteps.EvaluationInput(!failed, f.method(),
                            f.evaluator(), f.findings(), failed ? nonBlank(f.reasons()) : List.of(),
                            failed ? nonBlank(f.suggestions()) : List.of(), filed))
                    .flatMap(done -> decided(caller, done, "评估" + f.result()));
        });
    }

    // ------------------------------------------------------------------ 公示 and objections

    public record PublicityForm(@JsonProperty("公示开始日期") String startOn) {
    }

    @PostMapping("/{caseNumber}/publicity")
    @Operation(summary = "开始公示", description = "评估合格的纳入拟签订医保协议名单向社会公示，公示期不少于5个工作日（按法定工作日历计算）；缺省今日开始",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = DESIGNATION_ITEMS)))
    @Access(value = {Role.CLERK, Role.REVIEWER, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<DossierView> publicity(@PathVariable String caseNumber, @RequestBody(required = false) PublicityForm form,
                                       Caller caller) {
        return steps.visible(caseNumber, caller).flatMap(app -> {
            Violations v = new Violations();
            LocalDate start = date(v, "公示开始日期", form == null ? null : form.startOn());
            v.throwIfAny();
            return steps.startPublicity(caseNumber, caller, start).flatMap(done -> decided(caller, done, "开始公示"));
        });
    }

    public record ObjectionForm(@JsonProperty("异议人") String objector, @JsonProperty("异议内容") String content) {
    }

    @PostMapping("/{caseNumber}/objections")
    @Operation(summary = "登记公示异议", description = "公示期内收到的异议（来信、来电、来访）由工作人员登记",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = DESIGNATION_ITEMS)))
    @Access(value = {Role.CLERK, Role.REVIEWER, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<DossierView> objection(@PathVariable String caseNumber, @RequestBody(required = false) ObjectionForm form,
                                       Caller caller) {
        return steps.visible(caseNumber, caller).flatMap(app -> {
            Violations v = new Violations().require("异议人", form == null ? null : form.objector())
                    .require("异议内容", form == null ? null : form.content());
            if (form != null && form.content() != null) {
                v.check(form.content().length() <= 2000, "异议内容", "too-long", "异议内容不超过2000字");
            }
            v.throwIfAny();
            return steps.fileObjection(caseNumber, caller, form.objector(), form.content())
                    .flatMap(done -> decided(caller, done, "登记异议"));
        });
    }

    public record ResolutionForm(@OneOf(of = ApplicationHandlers.class, field = "CONCLUSIONS") @JsonProperty("结论") String conclusion, @JsonProperty("处理意见") String text) {
    }

    @PostMapping("/{caseNumber}/objections/{no}/resolution")
    @Operation(summary = "处理公示异议", description = "结论：成立 / 不成立，并写明处理意见；异议全部处理后方可结束公示",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = DESIGNATION_ITEMS)))
    @Access(value = {Role.REVIEWER, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<DossierView> resolve(@PathVariable String caseNumber, @PathVariable int no,
                                     @RequestBody(required = false) ResolutionForm form, Caller caller) {
        return steps.visible(caseNumber, caller).flatMap(app -> {
            Violations v = new Violations().require("结论", form == null ? null : form.conclusion())
                    .require("处理意见", form == null ? null : form.text());
            if (form != null && form.conclusion() != null && !form.conclusion().isBlank()) {
                v.check(CONCLUSIONS.contains(form.conclusion()), "结论", "unknown-option",
                        "结论应为成立或不成立");
            }
            v.throwIfAny();
            Dossier.Resolution r = form.conclusion().equals("成立") ? Dossier.Resolution.UPHELD : Dossier.Resolution.DISMISSED;
            return steps.resolveObjection(caseNumber, caller, no, r, form.text())
                    .flatMap(done -> decided(caller, done, "异议" + form.conclusion()));
        });
    }

    @PostMapping("/{caseNumber}/publicity/conclusion")
    @Operation(summary = "结束公示", description = "公示期满、异议均已处理后，由评估结论作出人以外的人员结束公示：无异议或异议不成立的进入协商谈判，异议成立的未通过",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = DESIGNATION_ITEMS)))
    @Access(value = {Role.REVIEWER, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<DossierView> conclude(@PathVariable String caseNumber, Caller caller) {
        return steps.concludePublicity(caseNumber, caller).flatMap(done -> decided(caller, done, "结束公示"));
    }

    // ------------------------------------------------------------------ 协商谈判 and 签订

    public record NegotiationForm(@OneOf(of = ApplicationHandlers.class, field = "NEGOTIATION_RESULTS") @JsonProperty("结果") String result, @JsonProperty("协议范围") List<String> scope,
                                  @JsonProperty("说明") String remark) {
    }

    @PostMapping("/{caseNumber}/negotiation")
    @BodyExample("协议范围=[\"门诊\", \"住院\"]")
    @Operation(summary = "协商谈判", description = "结果：达成一致（写明协议范围：门诊、住院、门诊慢特病、生育、异地就医直接结算；零售药店为药品零售、"
            + "异地就医直接结算）/ 未达成一致；达成一致的应在5个工作日内签订医保协议",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = DESIGNATION_ITEMS)))
    @Access(value = {Role.REVIEWER, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<DossierView> negotiate(@PathVariable String caseNumber, @RequestBody(required = false) NegotiationForm form,
                                       Caller caller) {
        return steps.visible(caseNumber, caller).flatMap(app -> {
            NegotiationForm f = form == null ? new NegotiationForm(null, null, null) : form;
            Violations v = new Violations().require("结果", f.result()).require("说明", f.remark());
            boolean agreed = "达成一致".equals(f.result());
            if (f.result() != null && !f.result().isBlank()) {
                v.check(agreed || "未达成一致".equals(f.result()), "结果", "unknown-option", "结果应为达成一致或未达成一致");
            }
            if (agreed) {
                v.require("协议范围", nonBlank(f.scope()));
                var kind = DesignationSteps.form(app.kase()).kind();
                for (String label : nonBlank(f.scope())) {
                    v.check(Scopes.value(label).filter(s -> Scopes.allowedFor(kind, s)).isPresent(), "协议范围",
                            "unknown-scope", "协议范围「" + label + "」不适用于" + kind.label());
                }
            }
            v.throwIfAny();
            return steps.negotiate(caseNumber, caller, new DesignationSteps.NegotiationInput(agreed,
                    agreed ? nonBlank(f.scope()) : List.of(), f.remark())).flatMap(done -> decided(caller, done, "协商谈判" + f.result()));
        });
    }

    @PostMapping("/{caseNumber}/agreement")
    @Operation(summary = "签订医保协议", description = "由负责人签订：赋定点医药机构编码（H/P+6位行政区划+5位顺序号），协议编号、有效期、协议范围，发布协议签订事件并办结",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = DESIGNATION_ITEMS)))
    @Access(value = Role.DIRECTOR, object = Access.ObjectOwner.PATH)
    public Mono<DossierView> sign(@PathVariable String caseNumber, Caller caller) {
        return steps.sign(caseNumber, caller).flatMap(done -> decided(caller, done, "签订医保协议"));
    }

    // ------------------------------------------------------------------ shared

    private Mono<DossierView> decided(Caller caller, DesignationSteps.Application app, String decision) {
        return audit.decision(caller, owner(app), "定点申请", app.kase().getCaseNumber(), decision).thenReturn(view(app, caller));
    }

    private DossierView view(DesignationSteps.Application app, Caller caller) {
        var due = app.kase().getStatus() == CaseStatus.WAITING_FOR_APPLICANT ? lapse.supplementDue(app.kase()).orElse(null) : null;
        return DossierView.of(app.kase(), app.dossier(), due, caller.isStaff());
    }

    static Owner owner(DesignationSteps.Application app) {
        return CaseActors.owner(app.kase().getApplicant(), app.kase().getRegionCode());
    }

    static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().filter(s -> s != null && !s.isBlank()).map(String::trim).toList();
    }

    static LocalDate date(Violations v, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            v.add(field, "invalid-date", field + "应为yyyy-MM-dd格式的日期");
            return null;
        }
    }

}
