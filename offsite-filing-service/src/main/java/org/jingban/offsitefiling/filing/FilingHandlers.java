package org.jingban.offsitefiling.filing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.annotation.JsonProperty;
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
import org.jingban.platform.service.items.IdDocument;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.web.problem.ProblemException;
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

/**
 * 主项四 异地就医备案: one application endpoint per kind (622036004001–004, 其他临时外出就医人员备案, 松潘 急诊、抢救住院
 * 登记备案), 我的备案, one filing, 取消备案, the coverage question settlement-service and institutions ask, and the 表18
 * promises kept for a later check. 受理 and the rest of a case that is not instant go through the shared case endpoints
 * ({@code /api/v1/offsite-filing/cases}).
 */
@RestController
@RequestMapping("/api/v1/offsite-filing")
@Tag(name = "异地就医备案", description = "主项四 异地就医备案：表11 异地就医登记备案表、表18 个人承诺书、备案查询与取消")
public class FilingHandlers {

    private static final String APPLY = "表11 异地就医登记备案表：姓名、参保险种、登记类别（新增/变更）、证件类型及号码、"
            + "申请备案开始日期、就医地（地市或直辖市代码；海南、西藏、兵团可为省级代码）、联系电话及申请材料；"
            + "认定材料可以个人承诺书（表18）替代的，列入「承诺替代材料」。不符合办理条件的一次性告知全部原因（422）";

    private final FilingApplications applications;
    private final Filings filings;
    private final AuditTrail audit;

    public FilingHandlers(FilingApplications applications, Filings filings, AuditTrail audit) {
        this.applications = applications;
        this.filings = filings;
        this.audit = audit;
    }

    @PostMapping("/filings/resettled-retirees")
    @Operation(summary = "异地安置退休人员备案", description = APPLY,
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036004001")))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> resettledRetiree(@RequestBody FilingForm form, Caller caller) {
        return applications.apply(FilingKind.RESETTLED_RETIREE, form, caller).map(Submitted::response);
    }

    @PostMapping("/filings/long-term-residents")
    @Operation(summary = "异地长期居住人员备案", description = APPLY + "；另需参保地联系地址",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036004002")))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> longTermResident(@RequestBody FilingForm form, Caller caller) {
        return applications.apply(FilingKind.LONG_TERM_RESIDENT, form, caller).map(Submitted::response);
    }

    @PostMapping("/filings/stationed-workers")
    @Operation(summary = "常驻异地工作人员备案", description = APPLY + "；另需参保地联系地址",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036004003")))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> stationedWorker(@RequestBody FilingForm form, Caller caller) {
        return applications.apply(FilingKind.STATIONED_WORKER, form, caller).map(Submitted::response);
    }

    @PostMapping("/filings/referrals")
    @Operation(summary = "异地转诊人员备案", description = APPLY + "；另需转往地址和转诊医疗机构，转诊证明不能以个人承诺替代",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = "622036004004")))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> referral(@RequestBody FilingForm form, Caller caller) {
        return applications.apply(FilingKind.REFERRAL, form, caller).map(Submitted::response);
    }

    @PostMapping("/filings/temporary-visits")
    @Operation(summary = "其他临时外出就医人员备案", description = APPLY,
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code",
                    value = "national:其他临时外出就医人员备案")))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> temporaryVisit(@RequestBody FilingForm form, Caller caller) {
        return applications.apply(FilingKind.TEMPORARY, form, caller).map(Submitted::response);
    }

    @PostMapping("/filings/emergency-stays")
    @Operation(summary = "异地急诊、抢救住院登记备案（松潘，住院后补办）",
            description = "姓名、证件类型及号码、参保险种、就医地、入院日期（出院日期可选）及救治医疗机构出具的急诊抢救病历或入院记录或病情诊断证明；"
                    + "外伤暂不能跨省直接结算，省内外伤需《四川省省内异地就医外伤入院登记表》",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code",
                    value = "local:songpan:异地急诊、抢救住院登记备案")))
    @Access({Role.INSURED_PERSON, Role.CLERK})
    public Mono<ResponseEntity<Submitted>> emergencyStay(@RequestBody FilingForm form, Caller caller) {
        return applications.apply(FilingKind.EMERGENCY, form, caller).map(Submitted::response);
    }

    @GetMapping("/filings/mine")
    @Operation(summary = "我的备案", description = "本人的全部异地就医备案（有效、已变更、已取消、已过期），新的在前")
    @Access(Role.INSURED_PERSON)
    public Flux<FilingView> mine(Caller caller) {
        return filings.ofPerson(caller.idNumber()).map(FilingView::of);
    }

    @GetMapping("/filings/{filingNumber}")
    @Operation(summary = "一条备案", description = "本人，或参保地的工作人员（查阅留痕）")
    @Access(value = {Role.INSURED_PERSON, Role.CLERK, Role.REVIEWER, Role.DIRECTOR}, object = Access.ObjectOwner.PATH)
    public Mono<FilingView> one(@PathVariable String filingNumber, Caller caller) {
        return filings.byNumber(filingNumber)
                .transform(Authorize.visibleTo(caller, FilingHandlers::owner))
                .transform(audit.reads(caller, "异地就医备案", FilingHandlers::owner, Filing::getFilingNumber))
                .map(FilingView::of);
    }

    @PostMapping("/filings/{filingNumber}/cancellation")
    @Operation(summary = "取消备案", description = "凭本人身份即可取消（本人或参保地受理窗口代办）；已结束的备案再次取消不改变任何内容")
    @Access(value = {Role.INSURED_PERSON, Role.CLERK}, object = Access.ObjectOwner.PATH)
    public Mono<FilingView> cancel(@PathVariable String filingNumber, Caller caller) {
        return filings.byNumber(filingNumber)
                .transform(Authorize.visibleTo(caller, FilingHandlers::owner))
                .flatMap(f -> filings.cancel(filingNumber, caller.subject())
                        .flatMap(changed -> audit.decision(caller, owner(changed), "异地就医备案", filingNumber,
                                "取消备案").thenReturn(changed)))
                .map(FilingView::of);
    }

    /** The question of settlement-service and institutions: is the person filed for this region on this day. */
    public record CoverageQuery(@JsonProperty("证件类型") String idType, @JsonProperty("证件号码") String idNumber,
                                @JsonProperty("就医地") String regionCode, @JsonProperty("就医日期") String date) {
    }

    /** The answer: the filing that covers the visit, if any. */
    public record CoverageAnswer(boolean filed, String filingNumber, String kindCode, String kind, String validFrom,
                                 String validUntil) {
        static CoverageAnswer none() {
            return new CoverageAnswer(false, null, null, null, null, null);
        }
    }

    @PostMapping("/filings/lookup")
    @Operation(summary = "备案核验：某人某日在某地就医是否已备案、备案类别",
            description = "证件号码只在请求体中（证件类型缺省为居民身份证）；就医地为6位区划代码（区县、地市或省级均可）；就医日期 yyyy-MM-dd，缺省为今天")
    @Access({Role.SYSTEM, Role.INSTITUTION, Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.DIRECTOR})
    public Mono<CoverageAnswer> lookup(@RequestBody CoverageQuery query, Caller caller) {
        Violations v = new Violations().require("证件号码", query.idNumber()).require("就医地", query.regionCode());
        if (query.idNumber() != null && !query.idNumber().isBlank()) {
            // the document types of 表11; 居民身份证 when not given
            IdDocument.validateNumber(v, "证件类型", query.idType(), "证件号码", query.idNumber());
        }
        if (query.regionCode() != null && !query.regionCode().isBlank()) {
            v.check(query.regionCode().matches("\\d{6}"), "就医地", "unknown-region", "就医地应为6位区划代码");
        }
        LocalDate day = filings.today();
        if (query.date() != null && !query.date().isBlank()) {
            try {
                day = LocalDate.parse(query.date());
            } catch (DateTimeParseException e) {
                v.add("就医日期", "invalid-date", "就医日期应为yyyy-MM-dd");
            }
        }
        v.throwIfAny();
        LocalDate on = day;
        return filings.ofPerson(query.idNumber()).filter(f -> f.covers(query.regionCode(), on)).next()
                .flatMap(f -> (caller.isStaff() ? audit.read(caller, owner(f), "异地就医备案", f.getFilingNumber())
                        : Mono.<Void>empty()).thenReturn(new CoverageAnswer(true, f.getFilingNumber(),
                        f.getKind().itemCode(), f.getKind().label(), String.valueOf(f.getValidFrom()),
                        f.getValidUntil() == null ? null : f.getValidUntil().toString())))
                .defaultIfEmpty(CoverageAnswer.none());
    }

    @GetMapping("/promises")
    @Operation(summary = "个人承诺书（表18）备案清单，供事后核查", description = "参保地的审核人员、负责人；每次查阅留痕")
    @Access({Role.REVIEWER, Role.DIRECTOR})
    public Flux<FilingView> promises(@RequestParam String region, @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size, Caller caller) {
        if (!caller.serves(region)) {
            throw ProblemException.forbidden("只能查看本人所服务地区的个人承诺书");
        }
        return filings.promisedIn(region, Math.max(page, 0), Math.min(Math.max(size, 1), 200))
                .concatMap(f -> audit.read(caller, owner(f), "个人承诺书", f.getFilingNumber()).thenReturn(f))
                .map(FilingView::of);
    }

    static Owner owner(Filing f) {
        return Owner.person(f.getIdNumber(), f.getInsuredRegionCode());
    }
}
