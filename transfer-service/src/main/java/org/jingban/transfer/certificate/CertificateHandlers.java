package org.jingban.transfer.certificate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Authorize;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Owner;
import org.jingban.platform.security.Role;
import org.jingban.platform.service.items.Submitters;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violations;
import org.jingban.platform.signing.ElectronicSeal;
import org.jingban.platform.signing.OfficeKeys;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** 622036003001 出具《参保凭证》 (表8): issue, read, print, verify online; office certificates for offline checks. */
@RestController
@RequestMapping("/api/v1/transfer")
@Tag(name = "参保凭证", description = "622036003001 出具《参保凭证》：电子签章、打印、在线验证与离线验证")
public class CertificateHandlers {

    private final CertificateApplications applications;
    private final CertificateService certificates;
    private final OfficeKeys keys;

    public CertificateHandlers(CertificateApplications applications, CertificateService certificates, OfficeKeys keys) {
        this.applications = applications;
        this.certificates = certificates;
        this.keys = keys;
    }

    public record CertificateView(String id, String number, String regionCode, String caseNumber,
                                  Map<String, Object> content, ElectronicSeal seal) {
        static CertificateView of(InsuranceCertificate c) {
            return new CertificateView(c.id(), c.number(), c.regionCode(), c.caseNumber(), c.content(), c.seal());
        }
    }

    public record Issued(String caseNumber, String itemCode, String status, CertificateView certificate) {
    }

    @PostMapping("/certificates")
    @ApiResponse(responseCode = "201", description = "已出具参保凭证（电子签章）")
    @Operation(summary = "出具《参保凭证》（即办件）", description = "参保人本人或参保地经办窗口申请；表单字段：姓名、证件类型及号码、参保地（医保区划代码）、"
            + "基本医疗保险类型（可选）、户籍所在地、户籍类型、申请材料。不符合条件的一次性告知全部原因（422）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = CertificateService.ITEM_CODE)))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Issued>> issue(@RequestBody(required = false) CertificateApplicationForm body,
                                              Caller caller) {
        CertificateApplicationForm form = CertificateApplicationForm.orEmpty(body);
        ItemDefinition item = applications.itemFor(form);
        // a person for themself, a clerk of the 参保地: checked before a number could be taken
        CaseActor submitter = Submitters.submitter(caller, form.applicant(), item.regionCode());
        return applications.apply(item, form, caller, submitter)
                .map(issued -> ResponseEntity.status(HttpStatus.CREATED).body(new Issued(issued.caseNumber(),
                        CertificateService.ITEM_CODE, CaseStatus.COMPLETED.name(), CertificateView.of(issued))));
    }

    @GetMapping("/certificates/{id}")
    @Operation(summary = "查看《参保凭证》", description = "本人或出具地工作人员；按凭证编号或凭证号",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = CertificateService.ITEM_CODE)))
    @Access(value = {Role.INSURED_PERSON, Role.CLERK, Role.REVIEWER, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<CertificateView> one(@PathVariable String id, Caller caller) {
        return visible(id, caller).map(CertificateView::of);
    }

    @GetMapping(value = "/certificates/{id}/html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "打印《参保凭证》", description = "可打印的 HTML，含电子签章信息",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = CertificateService.ITEM_CODE)))
    @Access(value = {Role.INSURED_PERSON, Role.CLERK, Role.REVIEWER, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<String> html(@PathVariable String id, Caller caller) {
        return visible(id, caller).map(CertificateHtml::render);
    }

    private Mono<InsuranceCertificate> visible(String id, Caller caller) {
        return certificates.find(id).transform(Authorize.visibleTo(caller, c -> Owner.person(c.idNumber(), c.regionCode())));
    }

    public record VerificationRequest(Map<String, Object> content, ElectronicSeal seal) {
    }

    public record Verification(boolean valid, String number, String officeName, String regionCode, List<String> problems) {
    }

    @PostMapping("/certificates/verification")
    @Operation(summary = "在线验证《参保凭证》", description = "任何持有凭证者（如转入地经办机构）提交凭证内容与电子签章；"
            + "验证签章为出具机构所签、内容未被改动，且凭证号确由本系统出具",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = CertificateService.ITEM_CODE)))
    public Mono<Verification> verify(@RequestBody(required = false) VerificationRequest request) {
        if (request == null || request.content() == null || request.seal() == null) {
            throw ProblemException.validation(new Violations().require("content", null).require("seal", null).list());
        }
        String number = request.content().get("凭证号") instanceof String s ? s : null;
        return keys.verify(request.content(), request.seal()).flatMap(signed -> {
            List<String> problems = new ArrayList<>();
            if (!signed) {
                problems.add("电子签章验证未通过：内容被改动或非出具机构签章");
            }
            Mono<List<String>> registered = number == null ? Mono.just(List.of("缺少凭证号"))
                    : certificates.find(number).map(c -> !c.seal().value().equals(request.seal().value())
                            ? List.of("凭证号与本系统出具的凭证不符")
                            // numbered and sealed, but its case never completed (a crash or a late refusal)
                            : c.caseNumber() == null ? List.of("该凭证未随办件办结出具，无效") : List.<String>of())
                    .defaultIfEmpty(List.of("本系统未出具该凭证号"));
            return registered.map(more -> {
                problems.addAll(more);
                return new Verification(problems.isEmpty(), number, request.seal().officeName(),
                        request.seal().regionCode(), problems);
            });
        });
    }

    @GetMapping(value = "/offices/{regionCode}/certificate", produces = "application/x-pem-file")
    @Operation(summary = "经办机构签章证书（离线验证用）", description = "PEM 格式的 SM2 证书，用于离线验证电子签章")
    public Mono<String> officeCertificate(@PathVariable String regionCode) {
        return keys.publishedCertificate(regionCode)
                .map(pem -> pem.orElseThrow(() -> ProblemException.notFound("无该经办机构的证书")));
    }
}
