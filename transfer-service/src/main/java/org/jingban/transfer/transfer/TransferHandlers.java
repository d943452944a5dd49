package org.jingban.transfer.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.platform.cases.ActorRole;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.MaterialStatus;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.SubmitCase;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.identifiers.Divisions;
import org.jingban.platform.identifiers.ResidentIdNumber;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Authorize;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Owner;
import org.jingban.platform.security.Role;
import org.jingban.platform.service.cases.CaseActors;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violations;
import org.jingban.transfer.Applications;
import org.jingban.transfer.TransferProperties;
import org.jingban.transfer.api.TransferEvents;
import org.jingban.transfer.enrollment.EnrolledPerson;
import org.jingban.transfer.enrollment.EnrollmentReadModel;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 622036003002 转移接续手续办理: the application with 表9 (at the 转入地 office, or the 转出地's for the 转入地), the
 * transfer's documents for the applicant and staff, and the ops list of flagged transfers. 受理 and the rest go
 * through the shared case endpoints ({@code /api/v1/transfer/cases}); the machine stages follow by events.
 */
@RestController
@RequestMapping("/api/v1/transfer")
@Tag(name = "转移接续", description = "622036003002 转移接续手续办理：申请（表9）、联系函、信息表（表10）、进度")
public class TransferHandlers {

    private final CaseService cases;
    private final Catalog catalog;
    private final EnrollmentReadModel enrollment;
    private final ReceivingOffice receiving;
    private final ReactiveMongoTemplate mongo;
    private final TransferProperties properties;

    public TransferHandlers(CaseService cases, Catalog catalog, EnrollmentReadModel enrollment, ReceivingOffice receiving,
                            ReactiveMongoTemplate mongo, TransferProperties properties) {
        this.cases = cases;
        this.catalog = catalog;
        this.enrollment = enrollment;
        this.receiving = receiving;
        this.mongo = mongo;
        this.properties = properties;
    }

    public record Submitted(String caseId, String caseNumber, String itemCode, String status, String transferId,
                            String currentStage) {
    }

    @PostMapping("/transfers")
    @Operation(summary = "转移接续申请（表9）", description = "参保人本人，或转入地/转出地经办窗口代为录入；办件由转入地受理并办结。"
            + "字段为受理信息必填项（姓名、证件类型及号码、联系电话、基本医疗保险类型、转出地/转入地机构地址、邮编、医保区划代码）及申请材料。"
            + "不符合办理条件的一次性告知全部原因（422）")
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> apply(@RequestBody(required = false) Map<String, Object> body, Caller caller) {
        Checked checked = check(body, caller);
        TransferApplication a = checked.application();
        Map<String, Object> form = checked.form();
        ItemDefinition item = checked.item();
        String transferId = UUID.randomUUID().toString();
        form.put(TransferApplication.TRANSFER_ID, transferId);
        ItemDefinition it = item;
        List<MaterialStatus> materials = Applications.materials(it, form.get("申请材料"));
        Party applicant = Party.person(a.idNumber(), a.name());
        return failedChecks(a, materials).flatMap(failed -> {
            SubmitCase submit = new SubmitCase(TransferStages.ITEM_CODE, a.toRegionCode(),
                    caller.isStaff() ? Channel.WINDOW : Channel.PORTAL, applicant, applicant, null, form, materials,
                    List.of(TransferStages.insertion(it)), failed, Map.of(),
                    caller.isStaff() ? CaseActors.as(caller, ActorRole.CLERK) : CaseActors.applicant(caller));
            return cases.submit(submit);
        }).flatMap(c -> c.getStatus() == CaseStatus.REJECTED ? Mono.error(Applications.refused(c))
                : Mono.just(ResponseEntity.status(HttpStatus.ACCEPTED).body(new Submitted(c.getId(), c.getCaseNumber(),
                c.getItemCode(), c.getStatus().name(), transferId, c.currentStageName()))));
    }

    @PostMapping("/transfers/precheck")
    @Operation(summary = "转移接续办理条件预检（不提交申请）",
            description = "与申请相同的表9内容；返回是否符合办理条件及全部不符合的原因（材料、转出地中止参保、转入地参保）。"
                    + "不生成办件、不留记录：门户可在参保信息同步完成前反复预检，而不产生不予受理的办件")
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<Precheck> precheck(@RequestBody(required = false) Map<String, Object> body, Caller caller) {
        Checked checked = check(body, caller);
        List<MaterialStatus> materials = Applications.materials(checked.item(), checked.form().get("申请材料"));
        return failedChecks(checked.application(), materials).map(failed -> new Precheck(failed.isEmpty(), failed));
    }

    /** Every reason the application does not qualify (missing materials, 办理条件), for 申请 and 预检 alike. */
    private Mono<List<Reason>> failedChecks(TransferApplication a, List<MaterialStatus> materials) {
        return enrollment.byIdNumber(a.idNumber()).map(Optional::of).defaultIfEmpty(Optional.empty()).map(person -> {
            List<Reason> failed = new ArrayList<>(Applications.missing(materials));
            failed.addAll(conditions(a, person));
            return failed;
        });
    }

    /** 预检结果: eligible when {@code reasons} is empty. */
    public record Precheck(boolean eligible, List<Reason> reasons) {
    }

    private record Checked(TransferApplication application, Map<String, Object> form, ItemDefinition item) {
    }

    /** The form's fields (every problem at once, 400) and who may apply for whom (403); nothing is stored. */
    private Checked check(Map<String, Object> body, Caller caller) {
        Map<String, Object> form = new LinkedHashMap<>(body == null ? Map.of() : body);
        form.remove(TransferApplication.TRANSFER_ID);
        TransferApplication a = TransferApplication.of(form);
        Violations v = new Violations();
        ItemDefinition item = null;
        if (a.toRegionCode() != null && Divisions.isKnownRegionCode(a.toRegionCode())) {
            item = catalog.find(TransferStages.ITEM_CODE, a.toRegionCode()).orElse(null);
        }
        v.requireAll(form, item == null ? catalog.item(TransferStages.ITEM_CODE, "620000").requiredFields() : item.requiredFields());
        if (a.idNumber() != null && !a.idNumber().isBlank()) {
            ResidentIdNumber.check(a.idNumber()).ifPresent(p -> v.add("证件类型及号码", p.code(), p.message()));
        }
        if (a.insuranceType() != null) {
            v.check(InsuranceTypes.EMPLOYEE_INSURANCE.equals(a.insuranceType())
                    || InsuranceTypes.RESIDENT_INSURANCE.equals(a.insuranceType()), "基本医疗保险类型", "unknown-option",
                    "基本医疗保险类型应为职工医保或城乡居民医保");
        }
        checkRegion(v, "转出地医保(行政)区划代码", a.fromRegionCode());
        checkRegion(v, "转入地医保(行政)区划代码", a.toRegionCode());
        checkPostal(v, "转出地机构邮编", a.fromPostalCode());
        checkPostal(v, "转入地机构邮编", a.toPostalCode());
        if (a.fromRegionCode() != null && a.fromRegionCode().equals(a.toRegionCode())) {
            v.add("转入地医保(行政)区划代码", "same-region", "转入地与转出地相同，无需办理转移接续");
        }
        if (a.toRegionCode() != null && Divisions.isKnownRegionCode(a.toRegionCode())) {
            v.check(properties.serves(a.toRegionCode()) && item != null, "转入地医保(行政)区划代码", "not-served",
                    "转入地不在本系统服务范围，请向转入地医疗保障经办机构申请");
        }
        v.throwIfAny();
        if (!caller.isStaff() && !a.idNumber().equals(caller.idNumber())) {
            throw ProblemException.forbidden("参保人只能为本人申请转移接续");
        }
        if (caller.isStaff() && !caller.serves(a.toRegionCode()) && !caller.serves(a.fromRegionCode())) {
            caller.requireServes(a.toRegionCode());
        }
        return new Checked(a, form, item);
    }

    /** 办理条件 (catalog): coverage at the 转出地 suspended (中止参保), insured at the 转入地. */
    private List<Reason> conditions(TransferApplication a, Optional<EnrolledPerson> person) {
        List<Reason> reasons = new ArrayList<>();
        if (person.isEmpty()) {
            reasons.add(Reason.of("not-insured-here", "未查询到该人员在转入地的参保信息，请先在转入地参保"));
            return reasons;
        }
        EnrolledPerson p = person.get();
        if (!p.getName().equals(a.name())) {
            reasons.add(Reason.of("name-mismatch", "姓名与证件号码登记信息不符"));
        }
        boolean insuredHere = p.insurancesIn(a.toRegionCode()).stream().anyMatch(i -> "ACTIVE".equals(i.status()));
        if (!insuredHere) {
            reasons.add(Reason.of("not-insured-here", "未在转入地参加基本医疗保险，请先在转入地参保"));
        }
        // the 转出地's record is known here only when this system serves it; another province checks it on release
        if (properties.serves(a.fromRegionCode())) {
            Optional<PersonEvents.InsuranceView> out = p.insurance(a.insuranceType(), a.fromRegionCode());
            if (out.isEmpty()) {
                reasons.add(Reason.of("no-record-out", "转出地没有该人员的" + a.insuranceType() + "参保记录"));
            } else if (!STOPPED_COVERAGE.contains(out.get().status())) {
                reasons.add(Reason.of("not-suspended", "转出地的" + a.insuranceType() + "尚未中止参保（当前："
                        + (out.get().statusLabel() == null ? out.get().status() : out.get().statusLabel()) + "）"));
            }
        }
        return reasons;
    }

    /**
     * Coverage in the 转出地 that has stopped (中止参保): suspended for a transfer, or no longer contributing because
     * the unit reported 中断 or 终止 — enrollment-service releases the record in any of these (its README).
     */
    static final java.util.Set<String> STOPPED_COVERAGE = java.util.Set.of("SUSPENDED", "INTERRUPTED", "TERMINATED");

    private static void checkRegion(Violations v, String field, String code) {
        if (code != null && !code.isBlank()) {
            v.check(code.matches("\\d{6}") && Divisions.isKnownRegionCode(code), field, "unknown-region", "医保区划代码无效");
        }
    }

    private static void checkPostal(Violations v, String field, String code) {
        if (code != null && !code.isBlank()) {
            v.check(code.matches("\\d{6}"), field, "postal-code", "邮政编码应为6位数字");
        }
    }

    public record TransferView(String transferId, String caseNumber, String state, String fromRegionCode,
                               String toRegionCode, Map<String, Object> contactLetter, TransferEvents.InfoSheet infoSheet,
                               List<String> refusal, List<String> opsFlags) {
        static TransferView of(IncomingTransfer t, boolean staff) {
            return new TransferView(t.getId(), t.getCaseNumber(), t.getState().name(), t.getFromRegionCode(),
                    t.getToRegionCode(), t.getLetter() == null ? null : t.getLetter().letter(), t.getSheet(), t.getRefusal(),
                    staff ? t.getOpsFlags() : List.of());
        }
    }

    @GetMapping("/transfers/{caseNumber}")
    @Operation(summary = "转移接续文书", description = "《联系函》、《信息表》（含电子签章和重复参保期间）、状态；本人或转入地工作人员")
    @Access(value = {Role.INSURED_PERSON, Role.CLERK, Role.REVIEWER, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<TransferView> one(@PathVariable String caseNumber, Caller caller) {
        return receiving.byCaseNumber(caseNumber)
                .transform(Authorize.visibleTo(caller, t -> Owner.person(t.getIdNumber(), t.getToRegionCode())))
                .map(t -> TransferView.of(t, caller.isStaff()));
    }

    @GetMapping("/ops/flagged-transfers")
    @Operation(summary = "待运维核查的转移（验签失败的信息表等）")
    @Access(Role.OPS)
    public Flux<TransferView> flagged() {
        return mongo.find(Query.query(Criteria.where("opsFlags.0").exists(true)), IncomingTransfer.class)
                .map(t -> TransferView.of(t, true));
    }
}
