package org.jingban.transfer.continuation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.platform.cases.ActorRole;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.application.CaseNotFoundException;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Authorize;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Owner;
import org.jingban.platform.security.Role;
import org.jingban.platform.service.cases.CaseActors;
import org.jingban.platform.service.items.ItemApplication;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.service.items.Submitters;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.transfer.Offices;
import org.jingban.transfer.TransferProperties;
import org.jingban.transfer.api.TransferEvents;
import org.springframework.http.MediaType;
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
 * 622036003002 转移接续手续办理: the application with 表9 (at the 转入地 office, or the 转出地's — for the 转入地 when
 * it is served here, else kept by the 转出地 and handed to the 转入地 in another province), its 办理条件预检, the
 * transfer's documents for the applicant and staff, and the ops list of flagged transfers. 受理 and the rest go
 * through the shared case endpoints ({@code /api/v1/transfer/cases}); the machine stages follow by events.
 */
@RestController
@RequestMapping("/api/v1/transfer")
@Tag(name = "转移接续", description = "622036003002 转移接续手续办理：申请（表9）、联系函、信息表（表10）、进度")
public class TransferHandlers {

    private final TransferEligibility eligibility;
    private final ItemSubmissions submissions;
    private final ReceivingOffice receiving;
    private final SendingOffice sending;
    private final ApplicationNumbers numbers;
    private final Offices offices;
    private final TransferProperties properties;
    private final CaseService cases;
    private final Clock clock;

    public TransferHandlers(TransferEligibility eligibility, ItemSubmissions submissions, ReceivingOffice receiving,
                            SendingOffice sending, ApplicationNumbers numbers, Offices offices,
                            TransferProperties properties, CaseService cases, Clock clock) {
        this.eligibility = eligibility;
        this.submissions = submissions;
        this.receiving = receiving;
        this.sending = sending;
        this.numbers = numbers;
        this.offices = offices;
        this.properties = properties;
        this.cases = cases;
        this.clock = clock;
    }

    @PostMapping("/transfers")
    @BodyExample({"转入地医保(行政)区划代码=620100", "转入地机构名称=兰州市医疗保障事务中心", "转入地机构邮编=730000", "转入地机构地址=甘肃省兰州市城关区示例路1号"})
    @Operation(summary = "转移接续申请（表9）", description = "参保人本人、其转出地或转入地参保单位的经办人，或转入地/转出地经办窗口代为录入；办件由转入地受理并办结。"
            + "转入地在省外的，由转出地受理，经国家医保信息平台将申请转至转入地，转入地受理并发出《联系函》后按原流程办理，办件留在转出地跟踪至转入地办结。"
            + "字段为受理信息必填项（姓名、证件类型及号码、联系电话、基本医疗保险类型、转出地/转入地机构地址、邮编、医保区划代码）及申请材料。"
            + "不符合办理条件的一次性告知全部原因（422）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = TransferStages.ITEM_CODE)))
    @Access({Role.INSURED_PERSON, Role.EMPLOYER_AGENT, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> apply(@RequestBody(required = false) TransferApplicationForm body,
                                                 Caller caller) {
        TransferApplicationForm form = TransferApplicationForm.orEmpty(body);
        ItemDefinition item = eligibility.itemFor(form);
        String transferId = UUID.randomUUID().toString();
        LocalDate today = LocalDate.now(clock.withZone(Case.ZONE));
        // 表9's 编号 is the office's that keeps the case: the 转入地, or the 转出地 for a 转入地 in another province
        String office = item.regionCode();
        return submitter(form, item, caller).flatMap(submitter -> eligibility.unmetConditions(form)
                .zipWith(numbers.next(office, today.getYear()))
                .flatMap(t -> submissions.submit(application(form, item, caller, submitter, t.getT1())
                        .formValue(TransferApplicationForm.TRANSFER_ID, transferId)
                        .formValue(ApplicationSheets.FORM_KEY, ApplicationSheets.build(form,
                                offices.documentNumber(office, today.getYear(), t.getT2()), today, offices,
                                properties.serves(form.fromRegionCode()), properties.serves(form.toRegionCode())))
                        .reference(TransferApplicationForm.TRANSFER_ID, transferId))))
                .map(Submitted::response);
    }

    @GetMapping("/transfers/{caseNumber}/application-form")
    @Operation(summary = "《基本医疗保险关系转移接续申请表》（表9）", description = "申请时生成：编号、参保人信息、转出地和转入地经办机构信息、"
            + "申请人信息（代为申请时）、申请时间；本人或转入地、转出地工作人员",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = TransferStages.ITEM_CODE)))
    @Access(value = {Role.INSURED_PERSON, Role.CLERK, Role.REVIEWER, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<Map<String, Object>> applicationForm(@PathVariable String caseNumber, Caller caller) {
        return applicationSheet(caseNumber, caller);
    }

    @GetMapping(value = "/transfers/{caseNumber}/application-form/html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "打印《基本医疗保险关系转移接续申请表》（表9）", description = "可打印的 HTML，所有内容已转义",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = TransferStages.ITEM_CODE)))
    @Access(value = {Role.INSURED_PERSON, Role.CLERK, Role.REVIEWER, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<String> applicationFormHtml(@PathVariable String caseNumber, Caller caller) {
        return applicationSheet(caseNumber, caller).map(ApplicationSheets::html);
    }

    @SuppressWarnings("unchecked")
    private Mono<Map<String, Object>> applicationSheet(String caseNumber, Caller caller) {
        return cases.findByNumber(caseNumber)
                .filter(c -> TransferStages.ITEM_CODE.equals(c.getItemCode()) && c.getForm().get(ApplicationSheets.FORM_KEY) != null)
                .switchIfEmpty(Mono.error(() -> new CaseNotFoundException(caseNumber)))
                .transform(Authorize.visibleTo(caller, c -> Owner.person(c.getApplicant().id(), c.getRegionCode())))
                .map(c -> (Map<String, Object>) c.getForm().get(ApplicationSheets.FORM_KEY));
    }

    /** The application as 申请 submits it and 预检 weighs it: one definition, so both name the same reasons. */
    private static ItemApplication application(TransferApplicationForm form, ItemDefinition item, Caller caller,
                                               CaseActor submitter, List<Reason> unmet) {
        return ItemApplication.of(item, form, caller)
                .applicant(form.applicant())
                .submittedBy(submitter)
                .channel(caller.isStaff() ? Channel.WINDOW : Channel.PORTAL)
                .extraStages(TransferStages.insertion(item))
                .missingMaterialsRefused()
                .failedChecks(unmet);
    }

    /** 预检结果: eligible when {@code reasons} is empty. */
    public record Precheck(boolean eligible, List<Reason> reasons) {
    }

    @PostMapping("/transfers/precheck")
    @BodyExample({"转入地医保(行政)区划代码=620100", "转入地机构名称=兰州市医疗保障事务中心", "转入地机构邮编=730000", "转入地机构地址=甘肃省兰州市城关区示例路1号"})
    @Operation(summary = "转移接续办理条件预检（不提交申请）",
            description = "与申请相同的表9内容；返回是否符合办理条件及全部不符合的原因（转入地参保、转出地中止参保、材料）。"
                    + "不生成办件、不留记录：门户可在参保信息同步完成前反复预检，而不产生不予受理的办件",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = TransferStages.ITEM_CODE)))
    @Access({Role.INSURED_PERSON, Role.EMPLOYER_AGENT, Role.CLERK})
    public Mono<Precheck> precheck(@RequestBody(required = false) TransferApplicationForm body, Caller caller) {
        TransferApplicationForm form = TransferApplicationForm.orEmpty(body);
        ItemDefinition item = eligibility.itemFor(form);
        return submitter(form, item, caller).flatMap(submitter -> eligibility.unmetConditions(form)
                .map(unmet -> ItemSubmissions.refusals(application(form, item, caller, submitter, unmet)))
                .map(reasons -> new Precheck(reasons.isEmpty(), reasons)));
    }

    /**
     * Who may apply for whom (403): a person only for themself ({@link Submitters}); the agent of the person's unit in
     * the 转出地 or the 转入地 (seed 002 §十一(十四): "参保人员或用人单位…申请"); staff at a window of the 转入地 or of the
     * 转出地 (catalog: 向转入地或转出地医疗保障经办机构申请), the case staying the 转入地's — for a 转入地 in another
     * province only staff of the 转出地, which keeps the case.
     */
    private Mono<CaseActor> submitter(TransferApplicationForm form, ItemDefinition item, Caller caller) {
        if (caller.isStaff()) {
            if (!caller.serves(form.fromRegionCode())) {
                caller.requireServes(form.toRegionCode());
            }
            return Mono.just(CaseActors.as(caller, ActorRole.CLERK));
        }
        if (caller.has(Role.EMPLOYER_AGENT)) {
            return eligibility.employerOf(form, caller.unitCode())
                    .map(unit -> Submitters.submitter(caller, unit, item.regionCode()))
                    .switchIfEmpty(Mono.error(() -> ProblemException.forbidden("单位经办人只能为本单位的职工申请转移接续")));
        }
        return Mono.fromCallable(() -> Submitters.submitter(caller, form.applicant(), item.regionCode()));
    }

    public record TransferView(String transferId, String caseNumber, String state, String fromRegionCode,
                               String toRegionCode, Map<String, Object> contactLetter, TransferEvents.InfoSheet infoSheet,
                               List<String> refusal, List<String> opsFlags) {
        static TransferView of(IncomingTransfer t, boolean staff) {
            return new TransferView(t.getId(), t.getCaseNumber(), t.getState().name(), t.getFromRegionCode(),
                    t.getToRegionCode(), t.getLetter() == null ? null : t.getLetter().letter(), t.getSheet(), t.getRefusal(),
                    staff ? t.getOpsFlags() : List.of());
        }

        /** A transfer whose case the 转出地 keeps (转入地 in another province): the 转入地's 《联系函》, the 《信息表》 issued here. */
        static TransferView of(TransferOut t, boolean staff) {
            return new TransferView(t.getId(), t.getCaseNumber(), t.getState().name(), t.getFromRegionCode(),
                    t.getToRegionCode(), t.getLetter() == null ? null : t.getLetter().letter(), t.getIssued(),
                    t.getRefusal() == null ? List.of() : t.getRefusal(), staff ? t.getOpsFlags() : List.of());
        }
    }

    @GetMapping("/transfers/{caseNumber}")
    @Operation(summary = "转移接续文书", description = "《联系函》、《信息表》（含电子签章和重复参保期间）、状态；本人或受理办件的经办机构"
            + "（转入地，或转入地在省外时的转出地）工作人员",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = TransferStages.ITEM_CODE)))
    @Access(value = {Role.INSURED_PERSON, Role.CLERK, Role.REVIEWER, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<TransferView> one(@PathVariable String caseNumber, Caller caller) {
        Mono<Visible> incoming = receiving.byCaseNumber(caseNumber).map(t -> new Visible(
                Owner.person(t.getIdNumber(), t.getToRegionCode()), TransferView.of(t, caller.isStaff())));
        Mono<Visible> outgoing = sending.byCaseNumber(caseNumber).map(t -> new Visible(
                Owner.person(t.getIdNumber(), t.getFromRegionCode()), TransferView.of(t, caller.isStaff())));
        return incoming.switchIfEmpty(outgoing)
                .transform(Authorize.visibleTo(caller, Visible::owner))
                .map(Visible::view);
    }

    /** A transfer's view with whom it belongs to: the case's person, in the region of the office that keeps it. */
    private record Visible(Owner owner, TransferView view) {
    }

    @GetMapping("/ops/flagged-transfers")
    @Operation(summary = "待运维核查的转移（验签失败的信息表、与申请不符的联系函、被转入地拒收的信息表等）")
    @Access(Role.OPS)
    public Flux<TransferView> flagged() {
        return receiving.flagged().map(t -> TransferView.of(t, true))
                .concatWith(sending.flagged().map(t -> TransferView.of(t, true)));
    }
}
