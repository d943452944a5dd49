package org.jingban.designation.document;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.designation.agreement.AgreementHandlers;
import org.jingban.designation.agreement.Agreements;
import org.jingban.designation.application.DesignationSteps;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Authorize;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Role;
import org.jingban.platform.signing.OfficeKeys;
import org.jingban.platform.web.problem.ProblemException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

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

    public DocumentHandlers(DesignationSteps steps, DesignationDocuments documents, Agreements agreements, OfficeKeys keys) {
        this.steps = steps;
        this.documents = documents;
        this.agreements = agreements;
        this.keys = keys;
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
    public Mono<IssuedDocument> one(@PathVariable String caseNumber, @PathVariable String form, Caller caller) {
        return steps.visible(caseNumber, caller).flatMap(app -> documents.issue(app.kase(), app.dossier(), form))
                .switchIfEmpty(Mono.error(Authorize::notFound));
    }

    @GetMapping(value = "/applications/{caseNumber}/documents/{form}/html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "一份文书（可打印 HTML）", description = "内容与电子签章同数据版本；所有值均经 HTML 转义")
    @Access(value = {Role.INSTITUTION, Role.CLERK, Role.REVIEWER, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<String> html(@PathVariable String caseNumber, @PathVariable String form, Caller caller) {
        return one(caseNumber, form, caller).map(DocumentHtml::render);
    }

    @GetMapping("/agreements/{institutionCode}/document")
    @Operation(summary = "医保协议文书（数据与电子签章）", description = "协议编号、双方、机构编码、协议范围、有效期")
    @Access(value = {Role.INSTITUTION, Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<IssuedDocument> agreement(@PathVariable String institutionCode, Caller caller) {
        return agreements.byInstitutionCode(institutionCode)
                .transform(Authorize.visibleToAny(caller, AgreementHandlers::owners))
                .flatMap(documents::agreement);
    }

    @GetMapping(value = "/agreements/{institutionCode}/document/html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "医保协议文书（可打印 HTML）")
    @Access(value = {Role.INSTITUTION, Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<String> agreementHtml(@PathVariable String institutionCode, Caller caller) {
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
