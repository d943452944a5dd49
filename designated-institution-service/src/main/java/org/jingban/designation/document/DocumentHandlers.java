package org.jingban.designation.document;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.designation.agreement.AgreementHandlers;
import org.jingban.designation.agreement.Agreements;
import org.jingban.designation.application.DesignationSteps;
import org.jingban.designation.application.Dossier;
import org.jingban.platform.identifiers.MobileNumber;
import org.jingban.platform.identifiers.TextPolicy;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Authorize;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Owner;
import org.jingban.platform.security.Role;
import org.jingban.platform.security.audit.AuditTrail;
import org.jingban.platform.service.cases.CaseActors;
import org.jingban.platform.signing.OfficeKeys;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violations;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import org.jingban.designation.agreement.InstitutionCodes;
import org.jingban.platform.service.openapi.BodyExample;

/**
 * The documents (表19–表23, the 医保协议) as data and as printable HTML, sealed by the office; the offices' certificates
 * to check a seal (public, {@link SealEndpoints}). Documents are visible to the institution and the region's staff, like
 * the application or agreement itself.
 */
@RestController
@RequestMapping("/api/v1/designated-institutions")
@Tag(name = "定点文书", description = "受理回执（表19）、配合评估材料清单（表20）、补齐补正通知书（表21）、不予受理回执（表22）、评估不合格告知书（表23）、医保协议")
public class DocumentHandlers {

    private final DesignationSteps steps;
    private final DesignationDocuments documents;
    private final Agreements agreements;
    private final OfficeKeys keys;
    private final AuditTrail audit;

    public DocumentHandlers(DesignationSteps steps, DesignationDocuments documents, Agreements agreements, OfficeKeys keys,
                            AuditTrail audit) {
        this.steps = steps;
        this.documents = documents;
        this.agreements = agreements;
        this.keys = keys;
        this.audit = audit;
    }

    @GetMapping("/applications/{caseNumber}/documents")
    @Operation(summary = "本申请的文书", description = "已出具的文书：form 为 19、20、21-n（第n次补正通知）、22、23")
    @Access(value = {Role.INSTITUTION, Role.CLERK, Role.REVIEWER, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<List<DesignationDocuments.Listed>> list(@PathVariable String caseNumber, Caller caller) {
        return steps.visible(caseNumber, caller).map(app -> documents.available(app.kase(), app.dossier()));
    }

    @GetMapping("/applications/{caseNumber}/documents/{form}")
    @Operation(summary = "一份文书（数据与电子签章）", description = "form：19、20、21-n、22、23；尚未出具的 404")
    @Access(value = {Role.INSTITUTION, Role.CLERK, Role.REVIEWER, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<DocumentView> one(@PathVariable String caseNumber, @PathVariable String form, Caller caller) {
        return steps.visible(caseNumber, caller).flatMap(app -> documents.issue(app.kase(), app.dossier(), form)
                        .map(doc -> DocumentView.of(doc, DesignationDocuments.receipt(form, app.dossier()))))
                .switchIfEmpty(Mono.error(Authorize::notFound));
    }

    @GetMapping(value = "/applications/{caseNumber}/documents/{form}/html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "一份文书（可打印 HTML）", description = "内容与电子签章同数据版本；所有值均经 HTML 转义")
    @Access(value = {Role.INSTITUTION, Role.CLERK, Role.REVIEWER, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<String> html(@PathVariable String caseNumber, @PathVariable String form, Caller caller) {
        return one(caseNumber, form, caller).map(DocumentHtml::render);
    }

    /** 表23's 签收 block as the form prints it: 送达方式, 签收人, 签收人联系电话, 签收日期. */
    public record DeliveryForm(@JsonProperty("送达方式") @Schema(example = "电子送达") String method,
                               @JsonProperty("签收人") @Schema(example = "张三") String recipient,
                               @JsonProperty("签收人联系电话") String recipientPhone,
                               @JsonProperty("签收日期") @Schema(description = "工作人员登记时必填；申请机构在线签收的为当日，可不填")
                               String deliveredOn) {
    }

    @PostMapping("/applications/{caseNumber}/documents/23/delivery")
    @BodyExample("签收日期=null") // the institution signs online today; staff give the day of the 签收
    @Operation(summary = "评估不合格告知书送达（签收）", description = "自结果告知送达之日起，整改3个月后可再次申请评估；再次评估仍不合格的，"
            + "12个月内不得再次申请（送达前不得再次申请）。申请机构在线签收（电子送达，签收日期为当日，填写签收人及其联系电话）；"
            + "或由工作人员登记送达：送达方式（直接送达、邮寄送达、电子送达）、签收人、签收人联系电话、签收日期（不早于告知书经办日期，"
            + "不晚于今天；邮寄送达以回执签收日期为准）。每份告知书只登记一次送达",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036009001,622036009002")))
    @Access(value = {Role.INSTITUTION, Role.CLERK, Role.REVIEWER, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<DocumentView> delivery(@PathVariable String caseNumber, @RequestBody(required = false) DeliveryForm form,
                                       Caller caller) {
        return steps.visible(caseNumber, caller).flatMap(app -> {
            DeliveryForm f = form == null ? new DeliveryForm(null, null, null, null) : form;
            Violations v = new Violations().require("签收人", f.recipient()).require("签收人联系电话", f.recipientPhone());
            if (present(f.recipient())) {
                // 签收人 is a person's name (the text policy reads only fields named …姓名 as names)
                TextPolicy.checkPersonName(f.recipient().strip()).ifPresent(p -> v.add("签收人", p.code(), p.message()));
            }
            if (present(f.recipientPhone()) && !f.recipientPhone().strip().matches("0\\d{2,3}-?\\d{7,8}")) {
                MobileNumber.check(f.recipientPhone().strip()).ifPresent(p -> v.add("签收人联系电话", p.code(), p.message()));
            }
            LocalDate on = v.date("签收日期", f.deliveredOn());
            // the day itself, with the form's other problems: never after today; the institution's own 签收 is today's
            LocalDate today = steps.today();
            if (on != null) {
                v.check(!on.isAfter(today), "签收日期", "in-future", "签收日期不能晚于今天");
                if (!caller.isStaff()) {
                    v.check(on.equals(today), "签收日期", "institution-today", "申请机构在线签收的，签收日期为签收当日（" + today + "）");
                }
            }
            String method;
            if (caller.isStaff()) {
                // staff record a delivery that happened: how, and the day on the 签收 (or the postal receipt)
                v.require("送达方式", f.method()).require("签收日期", f.deliveredOn());
                if (present(f.method())) {
                    v.check(Dossier.NoticeDelivery.METHODS.contains(f.method().strip()), "送达方式", "unknown-option",
                            "送达方式应为" + String.join("、", Dossier.NoticeDelivery.METHODS));
                }
                method = present(f.method()) ? f.method().strip() : null;
            } else {
                // the institution signs online for the notice it holds: 电子送达, today (DesignationSteps checks the day)
                if (present(f.method())) {
                    v.check(Dossier.NoticeDelivery.ELECTRONIC.equals(f.method().strip()), "送达方式", "institution-electronic",
                            "申请机构在线签收的送达方式为电子送达");
                }
                method = Dossier.NoticeDelivery.ELECTRONIC;
            }
            v.throwIfAny();
            LocalDate deliveredOn = on;
            // the notice the institution signs for is the sealed one: issued (once) before its 送达 is recorded
            return documents.issue(app.kase(), app.dossier(), "23")
                    .then(Mono.defer(() -> steps.recordNoticeDelivery(caseNumber, caller,
                            new DesignationSteps.NoticeDeliveryInput(method, f.recipient().strip(),
                                    f.recipientPhone().strip(), deliveredOn))))
                    .flatMap(done -> audit.decision(caller, owner(done), "评估不合格告知书", caseNumber, "送达：" + method)
                            .then(documents.issue(done.kase(), done.dossier(), "23"))
                            .map(doc -> DocumentView.of(doc, DesignationDocuments.receipt("23", done.dossier()))));
        });
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static Owner owner(DesignationSteps.Application app) {
        return CaseActors.owner(app.kase().getApplicant(), app.kase().getRegionCode());
    }

    @GetMapping("/agreements/{institutionCode}/document")
    @Operation(summary = "医保协议文书（数据与电子签章）", description = "协议编号、双方、机构编码、协议范围、有效期")
    @Access(value = {Role.INSTITUTION, Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<IssuedDocument> agreement(@PathVariable String institutionCode, Caller caller) {
        InstitutionCodes.checkPathCode(institutionCode);
        return agreements.byInstitutionCode(institutionCode)
                .transform(Authorize.visibleToAny(caller, AgreementHandlers::owners))
                .flatMap(documents::agreement);
    }

    @GetMapping(value = "/agreements/{institutionCode}/document/html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "医保协议文书（可打印 HTML）")
    @Access(value = {Role.INSTITUTION, Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<String> agreementHtml(@PathVariable String institutionCode, Caller caller) {
        InstitutionCodes.checkPathCode(institutionCode);
        return agreement(institutionCode, caller).map(DocumentHtml::render);
    }

    @GetMapping(value = "/seals/{regionCode}", produces = "application/x-pem-file")
    @Operation(summary = "经办机构签章证书（离线验证用）", description = "PEM 格式的 SM2 证书（与 transfer-service 的 "
            + "/api/v1/transfer/offices/{regionCode}/certificate 相同），其序列号即电子签章的 certificateSerial；"
            + "用于离线验证文书：OfflineVerifier.verify(content, seal, pem)。无需令牌")
    public Mono<String> certificate(@PathVariable String regionCode) {
        return keys.publishedCertificate(regionCode)
                .map(pem -> pem.orElseThrow(() -> ProblemException.notFound("无该经办机构的证书")));
    }
}
