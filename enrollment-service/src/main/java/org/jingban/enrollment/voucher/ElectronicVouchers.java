package org.jingban.enrollment.voucher;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.jingban.enrollment.api.PersonEvents;
import org.jingban.enrollment.person.Insurance;
import org.jingban.enrollment.person.InsuredPerson;
import org.jingban.enrollment.person.InsuredPersons;
import org.jingban.enrollment.person.PersonEventMapper;
import org.jingban.enrollment.shared.CatalogItems;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.identifiers.Masking;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.Owner;
import org.jingban.platform.security.audit.AuditTrail;
import org.jingban.platform.service.items.CaseReaction;
import org.jingban.platform.service.items.ItemApplication;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.service.items.Submitted;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * 医疗保障信息平台电子凭证 (local:wuwei, 即办件): the insured person activates their 医保电子凭证 (a case), then shows a
 * short-lived QR token ({@link VoucherTokens}) that a designated institution verifies once
 * ({@code jingban.enrollment.e-voucher.*}).
 */
@Service
public class ElectronicVouchers {

    public static final String ITEM = "local:wuwei:医疗保障信息平台电子凭证";

    private final Catalog catalog;
    private final ItemSubmissions submissions;
    private final InsuredPersons persons;
    private final ReactiveMongoTemplate template;
    private final AuditTrail audit;
    private final Clock clock;
    private final VoucherTokens tokens;
    /** The item where the catalog defines it, to check the form against before the handling region is known. */
    private final Optional<ItemDefinition> home;

    public ElectronicVouchers(Catalog catalog, ItemSubmissions submissions, InsuredPersons persons,
                              ReactiveMongoTemplate template, AuditTrail audit, Clock clock,
                              @Value("${jingban.enrollment.e-voucher.secret:}") String secret,
                              @Value("${jingban.enrollment.e-voucher.token-ttl:60s}") Duration ttl) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.persons = persons;
        this.template = template;
        this.audit = audit;
        this.clock = clock;
        this.home = CatalogItems.home(catalog, ITEM);
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

    /** The holder found by a QR token, as the institution sees them (证件号码 masked). */
    public record VerifiedHolder(String personId, String name, String idNumber, List<PersonEvents.InsuranceView> insurances) {
    }

    /** 激活: a case of the caller's own, 即时办结 unless the voucher is active already. */
    public Mono<Submitted> activate(ActivationForm form, Caller caller) {
        submissions.validate(form, home.orElseThrow(this::notOffered));
        return insured(caller.idNumber()).flatMap(person -> {
            String region = person.getInsurances().stream().map(Insurance::getRegionCode)
                    .filter(r -> catalog.find(ITEM, r).isPresent()).findFirst()
                    .orElseThrow(this::notOffered);
            return template.exists(Query.query(Criteria.where("_id").is(person.getId())), Voucher.class)
                    .flatMap(active -> submissions.submit(ItemApplication.of(catalog.item(ITEM, region), form, caller)
                            .applicant(Party.person(person.getIdNumber(), person.getName()))
                            .failedChecks(active ? List.of(Reason.at("电子凭证", "already-activated", "医保电子凭证已激活"))
                                    : List.of())
                            .whenCompleted(c -> apply(c).then(Mono.empty()))));
        });
    }

    /** A QR token of the caller's activated voucher. */
    public Mono<VoucherTokens.Issued> qrToken(Caller caller) {
        return insured(caller.idNumber())
                .flatMap(p -> template.findById(p.getId(), Voucher.class)
                        .switchIfEmpty(Mono.error(() -> ProblemException.unprocessable("医保电子凭证尚未激活",
                                List.of(new Violation("电子凭证", "not-activated", "医保电子凭证尚未激活，请先激活")))))
                        .map(v -> tokens.issue(p.getId())));
    }

    /** An institution verifies a token once (409 after); the read of the holder is audited. */
    public Mono<VerifiedHolder> verify(String token, Caller caller) {
        VoucherTokens.Claims claims;
        try {
            claims = tokens.verify(token);
        } catch (VoucherTokens.Invalid invalid) {
            throw ProblemException.unprocessable(invalid.getMessage(),
                    List.of(new Violation("token", invalid.code(), invalid.getMessage())));
        }
        return template.insert(new VoucherTokenUse(claims.nonce(), claims.personId(), caller.institutionCode(), clock.instant()))
                .onErrorMap(DuplicateKeyException.class, e -> ProblemException.conflict("二维码已使用，请刷新后重新出示"))
                .then(persons.find(claims.personId()))
                .flatMap(p -> audit.read(caller, Owner.person(p.getIdNumber(), null), "医保电子凭证核验", p.getId())
                        .thenReturn(p))
                .map(p -> new VerifiedHolder(p.getId(), p.getName(), Masking.idNumber(p.getIdNumber()),
                        p.getInsurances().stream().map(i -> PersonEventMapper.insurance(i, YearMonth.now(clock))).toList()));
    }

    private ProblemException notOffered() {
        return ProblemException.unprocessable("参保地未开办医保电子凭证激活");
    }

    private Mono<InsuredPerson> insured(String idNumber) {
        return persons.findByIdNumber(idNumber).switchIfEmpty(Mono.error(() -> ProblemException.unprocessable(
                "未找到您的参保信息", List.of(new Violation("证件号码", "not-insured", "未找到您的参保信息")))));
    }

    /** Activates the voucher of a 办结 case, once (id = person id). */
    @CaseReaction(item = ITEM)
    public Mono<Voucher> apply(Case c) {
        return persons.findByIdNumber(c.getApplicant().id())
                .flatMap(p -> template.insert(new Voucher(p.getId(), c.getCaseNumber(), clock.instant()))
                        .onErrorResume(DuplicateKeyException.class, e -> template.findById(p.getId(), Voucher.class)));
    }
}
