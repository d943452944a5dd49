package org.jingban.platform.service.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jingban.platform.cases.ActorRole;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.CaseProgress;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.MaterialStatus;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.StageKind;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Access.ObjectOwner;
import org.jingban.platform.security.Authorize;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Owner;
import org.jingban.platform.security.Role;
import org.jingban.platform.security.audit.AuditTrail;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.jingban.platform.web.problem.Violations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The case (办件) endpoints every service that owns cases shares, under {@code jingban.cases.path}
 * (e.g. {@code /api/v1/enrollment/cases}): the applicant's progress and list, the staff work queue and
 * detail, and the steps of the chain 申请—受理—审核—办结 with 不予受理, 一次性告知补正, 未通过, 撤回 and 好差评.
 * Items create their cases with their own submission endpoints; everything after submission is here.
 *
 * <p>Who may do what: an applicant (参保人, 单位经办人, 定点机构) sees and acts on their own cases only; staff
 * on the cases of the regions they serve, each step by the role the step needs (the case kernel also checks
 * roles, regions and 岗位分离 by person). Another party's case answers 404, as a missing one; a step the caller's
 * role may not take on a visible case answers 403; then the form is checked (400, every problem at once, so that
 * nobody learns anything from a form about a case they cannot see); a step the case refuses (wrong stage, same person twice on
 * a 较高风险 item …) answers 422 with every reason. Staff reads and every decision go to the audit trail.
 */
@RestController
@RequestMapping("${jingban.cases.path}")
@Tag(name = "办件", description = "办理进度查询、待办、受理/不予受理、一次性告知补正、审核、办结、未通过、撤回、好差评")
public class CaseHandlers {

    static final int MAX_PAGE_SIZE = 100;

    /** The staff roles in the order a caller holding several of them acts, for steps that admit several. */
    private static final List<ActorRole> STAFF_ORDER =
            List.of(ActorRole.CLERK, ActorRole.REVIEWER, ActorRole.DIRECTOR, ActorRole.FINANCE);

    private final CaseService cases;
    private final ObjectProvider<AuditTrail> audit;
    private final ObjectProvider<OwnedStages> owned;

    public CaseHandlers(CaseService cases, ObjectProvider<AuditTrail> audit, ObjectProvider<OwnedStages> owned) {
        this.cases = cases;
        this.audit = audit;
        this.owned = owned;
    }

    /** 422 when a service's own operation must complete this stage (see {@link OwnedStages}). */
    private void requireNotOwned(Case c, String stage) {
        owned.orderedStream().map(o -> o.operationFor(c, stage)).flatMap(java.util.Optional::stream).findFirst()
                .ifPresent(operation -> {
                    throw ProblemException.unprocessable("「" + stage + "」环节须通过专门的办理操作完成",
                            java.util.List.of(new org.jingban.platform.web.problem.Violation("stage", "owned-stage",
                                    "「" + stage + "」环节请通过 " + operation + " 办理，以记录该环节的结论")));
                });
    }

    // ------------------------------------------------------------------ reading

    @GetMapping("/mine")
    @Operation(summary = "我的办件", description = "申请人本人（参保人、单位经办人、定点医药机构）的办件及其进度，最新在前")
    @Access({Role.INSURED_PERSON, Role.EMPLOYER_AGENT, Role.INSTITUTION})
    public Flux<CaseProgress> mine(Caller caller) {
        Owner party = caller.party().orElseThrow(() -> ProblemException.forbidden("仅申请人本人可以查询"));
        return cases.byApplicant(party.id()).map(cases::progressOf);
    }

    @GetMapping
    @Operation(summary = "待办（工作人员）",
            description = "本人服务区划内的办件，按申请时间先后；可按状态、事项编码、区划筛选。申请人证件号码已脱敏")
    @Access({Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.DIRECTOR})
    public Flux<CaseView.Line> workQueue(Caller caller,
                                         @Parameter(description = "状态，如 SUBMITTED、UNDER_REVIEW") @RequestParam(required = false) String status,
                                         @Parameter(description = "子项编码") @RequestParam(required = false) String itemCode,
                                         @Parameter(description = "医保区划（须为本人服务区划）") @RequestParam(required = false) String region,
                                         @RequestParam(defaultValue = "0") int page,
                                         @RequestParam(defaultValue = "20") int size) {
        Violations violations = new Violations();
        CaseStatus wanted = null;
        if (status != null) {
            try {
                wanted = CaseStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                violations.add("status", "case.status", "未知的办件状态“" + status + "”");
            }
        }
        violations.check(region == null || caller.serves(region), "region", "region.not-served",
                "您不服务区划" + region);
        violations.check(page >= 0, "page", "range", "页码不能为负");
        violations.check(size >= 1 && size <= MAX_PAGE_SIZE, "size", "range", "每页条数应在 1 到 " + MAX_PAGE_SIZE + " 之间");
        violations.throwIfAny();
        Set<String> regions = region == null ? caller.regions() : Set.of(region);
        return cases.workQueue(regions, wanted, itemCode, page, size)
                .map(c -> CaseView.Line.of(c, cases.deadlineOf(c)));
    }

    @GetMapping("/{caseNumber}")
    @Operation(summary = "办理进度查询 / 办件详情",
            description = "申请人得到办理进度（不含工作人员身份）；本区划工作人员得到办件详情（记入审计）")
    @Access(value = {Role.INSURED_PERSON, Role.EMPLOYER_AGENT, Role.INSTITUTION, Role.CLERK, Role.REVIEWER,
            Role.FINANCE, Role.DIRECTOR}, object = ObjectOwner.PATH)
    public Mono<Object> one(@PathVariable String caseNumber, Caller caller) {
        return visible(caseNumber, caller).flatMap(c -> {
            if (!caller.isStaff()) {
                return Mono.just(cases.progressOf(c));
            }
            return audited(trail -> trail.read(caller, mainOwner(c), "case", c.getCaseNumber()))
                    .thenReturn(CaseView.of(c, cases.deadlineOf(c), cases.stageDeadlineOf(c)));
        });
    }

    // ------------------------------------------------------------------ steps by staff

    @PostMapping("/{caseNumber}/accept")
    @Operation(summary = "受理", description = "材料齐全、符合法定形式，予以受理；承诺时限自受理之日起按工作日计算")
    @Access(value = Role.CLERK, object = ObjectOwner.PATH)
    public Mono<CaseProgress> accept(@PathVariable String caseNumber, Caller caller) {
        return act(caseNumber, caller, c -> StageKind.ACCEPTANCE.roles(), "受理",
                (c, actor) -> cases.accept(c.getId(), actor));
    }

    @PostMapping("/{caseNumber}/reject")
    @Operation(summary = "不予受理", description = "一次性告知全部不予受理的理由")
    @Access(value = Role.CLERK, object = ObjectOwner.PATH)
    public Mono<CaseProgress> reject(@PathVariable String caseNumber, @RequestBody(required = false) ReasonsForm form,
                                     Caller caller) {
        return act(caseNumber, caller, c -> StageKind.ACCEPTANCE.roles(), "不予受理",
                (c, actor) -> cases.reject(c.getId(), actor, reasons(form)));
    }

    @PostMapping("/{caseNumber}/supplement")
    @Operation(summary = "一次性告知补正", description = "一次列明需补正的全部材料或事项；补正期间暂停计时")
    @Access(value = {Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.DIRECTOR}, object = ObjectOwner.PATH)
    public Mono<CaseProgress> supplement(@PathVariable String caseNumber, @RequestBody(required = false) ReasonsForm form,
                                         Caller caller) {
        return act(caseNumber, caller, c -> Set.copyOf(STAFF_ORDER), "要求补正",
                (c, actor) -> cases.requestSupplement(c.getId(), actor, reasons(form)));
    }

    @PostMapping("/{caseNumber}/advance")
    @Operation(summary = "办理当前环节（审核、复核、审批等）",
            description = "完成当前环节并进入下一环节；须写明当前环节名称，防止在过期页面上办理了其他环节")
    @Access(value = {Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.DIRECTOR}, object = ObjectOwner.PATH)
    public Mono<CaseProgress> advance(@PathVariable String caseNumber, @RequestBody(required = false) AdvanceForm form,
                                      Caller caller) {
        String stage = form == null ? null : form.stage();
        return act(caseNumber, caller, c -> c.getCurrentStage().kind().roles(), stage == null ? "办理环节" : stage,
                (c, actor) -> {
                    new Violations().require("stage", stage).throwIfAny();
                    requireNotOwned(c, stage);
                    return cases.advance(c.getId(), actor, stage, form.remark());
                });
    }

    @PostMapping("/{caseNumber}/complete")
    @Operation(summary = "办结", description = "在「办结」环节办结本件；事项的办结结果（如金额、有效期）随办结事件发布")
    @Access(value = {Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.DIRECTOR}, object = ObjectOwner.PATH)
    public Mono<CaseProgress> complete(@PathVariable String caseNumber, @RequestBody(required = false) CompleteForm form,
                                       Caller caller) {
        Map<String, Object> details = form == null || form.details() == null ? Map.of() : form.details();
        return act(caseNumber, caller, c -> StageKind.COMPLETION.roles(), "办结",
                (c, actor) -> {
                    requireNotOwned(c, "办结");
                    return cases.complete(c.getId(), actor, details);
                });
    }

    @PostMapping("/{caseNumber}/refuse")
    @Operation(summary = "未通过", description = "审核未通过，一次性列明全部理由；申请人收到「未完成」通知")
    @Access(value = {Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.DIRECTOR}, object = ObjectOwner.PATH)
    public Mono<CaseProgress> refuse(@PathVariable String caseNumber, @RequestBody(required = false) ReasonsForm form,
                                     Caller caller) {
        return act(caseNumber, caller, c -> c.getCurrentStage().kind().roles(), "未通过",
                (c, actor) -> cases.refuse(c.getId(), actor, reasons(form)));
    }

    // ------------------------------------------------------------------ steps by the applicant (or a window clerk)

    @PostMapping("/{caseNumber}/resume")
    @Operation(summary = "提交补正材料", description = "申请人本人或窗口受理人员代为提交；恢复计时")
    @Access(value = {Role.INSURED_PERSON, Role.EMPLOYER_AGENT, Role.INSTITUTION, Role.CLERK}, object = ObjectOwner.PATH)
    public Mono<CaseProgress> resume(@PathVariable String caseNumber, @RequestBody(required = false) ResumeForm form,
                                     Caller caller) {
        return applicantOrClerk(caseNumber, caller, "补正", (c, actor) -> cases.resumeAfterSupplement(c.getId(), actor,
                supplied(form), form.remark()));
    }

    @PostMapping("/{caseNumber}/withdraw")
    @Operation(summary = "撤回申请", description = "办结前，申请人本人或窗口受理人员代为撤回")
    @Access(value = {Role.INSURED_PERSON, Role.EMPLOYER_AGENT, Role.INSTITUTION, Role.CLERK}, object = ObjectOwner.PATH)
    public Mono<CaseProgress> withdraw(@PathVariable String caseNumber, @RequestBody(required = false) RemarkForm form,
                                       Caller caller) {
        String remark = form == null ? null : form.remark();
        return applicantOrClerk(caseNumber, caller, "撤回", (c, actor) -> cases.withdraw(c.getId(), actor, remark));
    }

    @PostMapping("/{caseNumber}/evaluation")
    @Operation(summary = "好差评", description = "办结后由申请人本人评价一次：1（非常不满意）至 5（非常满意）分，可附意见")
    @Access(value = {Role.INSURED_PERSON, Role.EMPLOYER_AGENT, Role.INSTITUTION}, object = ObjectOwner.PATH)
    public Mono<CaseProgress> evaluate(@PathVariable String caseNumber, @RequestBody(required = false) EvaluationForm form,
                                       Caller caller) {
        return visible(caseNumber, caller)
                .flatMap(c -> {
                    Violations violations = new Violations();
                    violations.require("score", form == null ? null : form.score());
                    if (form != null && form.score() != null) {
                        violations.check(form.score() >= 1 && form.score() <= 5, "score", "range", "评分应为 1 至 5 分");
                    }
                    if (form != null && form.comment() != null) {
                        violations.check(form.comment().length() <= 500, "comment", "length", "评价意见不超过 500 字");
                    }
                    violations.throwIfAny();
                    return cases.evaluate(c.getId(), CaseActors.applicant(caller).id(), form.score(), form.comment());
                })
                .map(cases::progressOf);
    }

    // ------------------------------------------------------------------ forms

    public record ReasonInput(String code, String message) {
    }

    /** 理由：每项一个代码（可省略）和中文说明；须一次列全。 */
    public record ReasonsForm(List<ReasonInput> reasons) {
    }

    public record AdvanceForm(String stage, String remark) {
    }

    public record CompleteForm(Map<String, Object> details) {
    }

    public record MaterialInput(String name, String state) {
    }

    public record ResumeForm(List<MaterialInput> supplied, String remark) {
    }

    public record RemarkForm(String remark) {
    }

    public record EvaluationForm(Integer score, String comment) {
    }

    // ------------------------------------------------------------------ the common steps

    @FunctionalInterface
    interface Step {
        Mono<Case> apply(Case c, CaseActor actor);
    }

    @FunctionalInterface
    interface AllowedRoles {
        Set<ActorRole> of(Case c);
    }

    private Mono<Case> visible(String caseNumber, Caller caller) {
        return cases.findByNumber(caseNumber)
                .onErrorResume(org.jingban.platform.cases.application.CaseNotFoundException.class, e -> Mono.empty())
                .transform(Authorize.visibleToAny(caller, CaseActors::owners));
    }

    /** A staff step: visible (else 404), a staff role the step admits (else 403), then the kernel; audited. */
    private Mono<CaseProgress> act(String caseNumber, Caller caller, AllowedRoles allowed, String decision, Step step) {
        return visible(caseNumber, caller).flatMap(c -> {
            CaseActor actor = staffActor(caller, allowed.of(c));
            return step.apply(c, actor)
                    .flatMap(changed -> audited(trail -> trail.decision(caller, mainOwner(changed), "case",
                            changed.getCaseNumber(), decision)).thenReturn(changed))
                    .onErrorResume(org.jingban.platform.cases.application.CaseRefusedException.class, refused ->
                            audited(trail -> trail.record(caller, "DECISION", "case", c.getCaseNumber(), mainOwner(c),
                                    "拒绝：" + decision, refused.refusal().summary())).then(Mono.error(refused)));
        }).map(cases::progressOf);
    }

    /** 补正 and 撤回: the applicant themself, or a window clerk of the case's region on their behalf. */
    private Mono<CaseProgress> applicantOrClerk(String caseNumber, Caller caller, String decision, Step step) {
        return visible(caseNumber, caller).flatMap(c -> {
            if (!caller.isStaff()) {
                return step.apply(c, CaseActors.applicant(caller));
            }
            CaseActor clerk = CaseActors.as(caller, ActorRole.CLERK);
            return step.apply(c, clerk).flatMap(changed -> audited(trail -> trail.decision(caller, mainOwner(changed),
                    "case", changed.getCaseNumber(), decision)).thenReturn(changed));
        }).map(cases::progressOf);
    }

    /** The caller as the first staff role (受理, 审核, 审批, 复核 order) that the step admits; 403 if none. */
    static CaseActor staffActor(Caller caller, Set<ActorRole> allowed) {
        for (ActorRole role : STAFF_ORDER) {
            if (allowed.contains(role) && caller.has(CaseActors.roleOf(role))) {
                return CaseActors.as(caller, role);
            }
        }
        List<String> labels = STAFF_ORDER.stream().filter(allowed::contains).map(ActorRole::label).toList();
        throw ProblemException.forbidden("此环节须由" + String.join("或", labels) + "办理");
    }

    private static Owner mainOwner(Case c) {
        return CaseActors.owner(c.getApplicant(), c.getRegionCode());
    }

    private Mono<Void> audited(java.util.function.Function<AuditTrail, Mono<Void>> entry) {
        AuditTrail trail = audit.getIfAvailable();
        return trail == null ? Mono.empty() : entry.apply(trail);
    }

    private static List<MaterialStatus> supplied(ResumeForm form) {
        Violations violations = new Violations();
        List<MaterialStatus> supplied = new ArrayList<>();
        if (form == null || form.supplied() == null || form.supplied().isEmpty()) {
            violations.add(Violation.required("supplied"));
        } else {
            for (int i = 0; i < form.supplied().size(); i++) {
                MaterialInput input = form.supplied().get(i);
                String field = "supplied[" + i + "]";
                if (input == null || input.name() == null || input.name().isBlank()) {
                    violations.add(field + ".name", "required", "缺少材料名称");
                    continue;
                }
                MaterialStatus.State state = MaterialStatus.State.PROVIDED;
                if (input.state() != null) {
                    try {
                        state = MaterialStatus.State.valueOf(input.state());
                    } catch (IllegalArgumentException e) {
                        violations.add(field + ".state", "material.state",
                                "材料状态应为 PROVIDED、SHARED 或 PROMISED，而不是“" + input.state() + "”");
                        continue;
                    }
                }
                supplied.add(new MaterialStatus(input.name(), state));
            }
        }
        violations.throwIfAny();
        return supplied;
    }

    private static List<Reason> reasons(ReasonsForm form) {
        Violations violations = new Violations();
        List<Reason> reasons = new ArrayList<>();
        if (form == null || form.reasons() == null || form.reasons().isEmpty()) {
            violations.add("reasons", "required", "须一次性列明全部理由，至少一项");
        } else {
            for (int i = 0; i < form.reasons().size(); i++) {
                ReasonInput input = form.reasons().get(i);
                if (input == null || input.message() == null || input.message().isBlank()) {
                    violations.add("reasons[" + i + "].message", "required", "第" + (i + 1) + "项理由缺少说明");
                } else if (input.message().length() > 500) {
                    violations.add("reasons[" + i + "].message", "length", "第" + (i + 1) + "项理由超过 500 字");
                } else {
                    String code = input.code() == null || input.code().isBlank() ? "staff.reason" : input.code();
                    reasons.add(Reason.of(code, input.message()));
                }
            }
        }
        violations.throwIfAny();
        return reasons;
    }
}
