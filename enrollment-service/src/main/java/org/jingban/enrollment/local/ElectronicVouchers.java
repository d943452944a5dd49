package org.jingban.enrollment.local;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.enrollment.CaseEffects;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.enrollment.person.InsuredPerson;
import org.jingban.enrollment.person.PersonAccess;
import org.jingban.enrollment.person.PersonEventMapper;
import org.jingban.enrollment.shared.Answers;
import org.jingban.enrollment.shared.ItemSubmissions;
import org.jingban.enrollment.shared.ItemSubmissions.Submitted;
import org.jingban.enrollment.shared.Submitters;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.SubmitCase;
import org.jingban.platform.identifiers.Masking;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Role;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.jingban.platform.web.problem.Violations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * 医疗保障信息平台电子凭证 (local:wuwei, 即办件): the insured person activates their 医保电子凭证, then shows a
 * short-lived QR token that a designated institution verifies once ({@code jingban.enrollment.e-voucher.*}).
 */
@RestController
@Tag(name = "地方事项")
public class ElectronicVouchers implements CaseEffects.ItemEffect {

    public static final String ITEM = "local:wuwei:医疗保障信息平台电子凭证";

    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final PersonAccess persons;
    private final ReactiveMongoTemplate template;
    private final Clock clock;
    private final VoucherTokens tokens;
    private final org.jingban.platform.security.audit.AuditTrail audit;

    public ElectronicVouchers(Catalog catalog, ItemSubmissions submissions, PersonAccess persons,
                              ReactiveMongoTemplate template, Clock clock,
                              org.jingban.platform.security.audit.AuditTrail audit,
                              @Value("${jingban.enrollment.e-voucher.secret:}") String secret,
                              @Value("${jingban.enrollment.e-voucher.token-ttl:60s}") Duration ttl) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.persons = persons;
        this.template = template;
        this.clock = clock;
        this.audit = audit;
        byte[] key;
        if (secret == null || secret.isBlank()) {
            // one instance only: tokens minted by another instance would not verify here (configure the secret)
            key = new byte[32];
            new SecureRandom().nextBytes(key);
        } else {
            key = Base64.getDecoder().decode(secret);
        }
        this.tokens = new VoucherTokens(key, ttl, clock);
    }

    /** An activated voucher (id = person id). */
    @Document("e_vouchers")
    public record Voucher(@Id String id, String caseNumber, Instant activatedAt) {
    }

    /** A QR token already shown to an institution (id = the token's nonce). */
    @Document("e_voucher_token_uses")
    public record TokenUse(@Id String id, String personId, String institution, Instant usedAt) {
    }

    public record Activation(String channel) {
    }

    public record Token(String token) {
    }

    public record VerifiedHolder(String personId, String name, String idNumber, List<PersonEvents.InsuranceView> insurances) {
    }

    @PostMapping("/api/v1/enrollment/e-vouchers")
    @Operation(summary = "医保电子凭证激活（即时办结）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = ITEM)))
    @Access(Role.INSURED_PERSON)
    public Mono<ResponseEntity<Submitted>> activate(@RequestBody(required = false) Activation body, Caller caller) {
        Violations v = new Violations();
        Channel channel = org.jingban.enrollment.shared.Channels.parse(body == null ? null : body.channel(), v);
        v.throwIfAny();
        return insured(caller.idNumber()).flatMap(person -> {
            String region = person.getInsurances().stream().map(i -> i.getRegionCode())
                    .filter(r -> catalog.find(ITEM, r).isPresent()).findFirst()
                    .orElseThrow(() -> ProblemException.unprocessable("参保地未开办医保电子凭证激活"));
            return template.exists(org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("_id").is(person.getId())), Voucher.class)
                    .flatMap(active -> {
                        Party applicant = Party.person(person.getIdNumber(), person.getName());
                        List<Violation> failed = active ? List.of(new Violation("电子凭证", "already-activated", "医保电子凭证已激活"))
                                : List.of();
                        SubmitCase command = new SubmitCase(ITEM, region, channel, applicant, applicant, null, Map.of(),
                                List.of(), List.of(), List.of(), Map.of(), Submitters.submitter(caller, applicant, region));
                        return submissions.submit(command, failed);
                    });
        }).flatMap(c -> c.getStatus() == CaseStatus.COMPLETED
                ? apply(c).thenReturn(Submitted.of(c, null)) : Mono.just(Submitted.of(c, null)))
                .map(Answers::submitted);
    }

    @PostMapping("/api/v1/enrollment/e-vouchers/qr-tokens")
    @Operation(summary = "出示医保电子凭证二维码（短时有效，一次有效）",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = ITEM)))
    @Access(Role.INSURED_PERSON)
    public Mono<VoucherTokens.Issued> qrToken(Caller caller) {
        return insured(caller.idNumber())
                .flatMap(p -> template.findById(p.getId(), Voucher.class)
                        .switchIfEmpty(Mono.error(() -> ProblemException.unprocessable("医保电子凭证尚未激活",
                                List.of(new Violation("电子凭证", "not-activated", "医保电子凭证尚未激活，请先激活")))))
                        .map(v -> tokens.issue(p.getId())));
    }

    @PostMapping("/api/v1/enrollment/e-vouchers/verifications")
    @Operation(summary = "定点医药机构核验医保电子凭证二维码",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-item-code", value = ITEM)))
    @Access(Role.INSTITUTION)
    public Mono<VerifiedHolder> verify(@RequestBody Token body, Caller caller) {
        new Violations().require("token", body.token()).throwIfAny();
        VoucherTokens.Claims claims;
        try {
            claims = tokens.verify(body.token());
        } catch (VoucherTokens.Invalid invalid) {
            throw ProblemException.unprocessable(invalid.getMessage(), List.of(new Violation("token", invalid.code(), invalid.getMessage())));
        }
        return template.insert(new TokenUse(claims.nonce(), claims.personId(), caller.institutionCode(), clock.instant()))
                .onErrorMap(DuplicateKeyException.class, e -> ProblemException.conflict("二维码已使用，请刷新后重新出示"))
                .then(persons.find(claims.personId()))
                .flatMap(p -> audit.read(caller, org.jingban.platform.security.Owner.person(p.getIdNumber(), null),
                        "医保电子凭证核验", p.getId()).thenReturn(p))
                .map(p -> new VerifiedHolder(p.getId(), p.getName(), Masking.idNumber(p.getIdNumber()),
                        p.getInsurances().stream().map(i -> PersonEventMapper.insurance(i, YearMonth.now(clock))).toList()));
    }

    private Mono<InsuredPerson> insured(String idNumber) {
        return persons.findByIdNumber(idNumber).switchIfEmpty(Mono.error(() -> ProblemException.unprocessable(
                "未找到您的参保信息", List.of(new Violation("证件号码", "not-insured", "未找到您的参保信息")))));
    }

    private Mono<Voucher> apply(Case c) {
        return persons.findByIdNumber(c.getApplicant().id())
                .flatMap(p -> template.insert(new Voucher(p.getId(), c.getCaseNumber(), clock.instant()))
                        .onErrorResume(DuplicateKeyException.class, e -> template.findById(p.getId(), Voucher.class)));
    }

    @Override
    public boolean handles(String itemCode) {
        return ITEM.equals(itemCode);
    }

    @Override
    public Mono<?> on(String eventType, CaseEffects.CaseRef event, Case c) {
        return CaseEvents.COMPLETED.equals(eventType) ? apply(c) : Mono.empty();
    }
}
