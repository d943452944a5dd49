package org.jingban.settlement.direct;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jingban.platform.benefits.Benefit;
import org.jingban.platform.benefits.BenefitCalculator;
import org.jingban.platform.benefits.Claim;
import org.jingban.platform.benefits.InstitutionLevel;
import org.jingban.platform.benefits.Place;
import org.jingban.platform.benefits.Policies;
import org.jingban.platform.benefits.Scheme;
import org.jingban.platform.benefits.VisitType;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.messaging.WriteConflicts;
import org.jingban.platform.money.Money;
import org.jingban.platform.security.Authorize;
import org.jingban.platform.security.Caller;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.jingban.settlement.account.AccountBalances;
import org.jingban.settlement.account.AccountOutcome;
import org.jingban.settlement.account.EnrollmentAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 直接结算 at a designated institution's counter: 预结算 (the calculator, nothing stored), 结算 and 冲正.
 *
 * <p>Order of writes of a settlement, each one single-document write, and what a crash after it leaves:
 * <ol>
 *   <li>the settlement is inserted CALCULATED (id from institution + invoice: a second insert of the same bill fails
 *       and the request carries on with the stored one) — crash: the sweep or the institution's retry carries on;</li>
 *   <li>the person's year counts it, if still at the version it was calculated from (else: calculated again, step 1's
 *       document updated) — crash: the key is in the year, so carrying on does not count it again;</li>
 *   <li>the settlement is COUNTED — its figures are final;</li>
 *   <li>the personal-account share is debited at enrollment-service under the key {@code settlement:<id>} — crash:
 *       carrying on posts the same key, and enrollment answers with the first entry (never a second debit);</li>
 *   <li>the settlement is SETTLED with the account's outcome, and the {@code settled} event in the same write.</li>
 * </ol>
 * The fund's share is therefore committed (SETTLED, event published) only together with a decided account outcome:
 * debited, or refused / unavailable and paid in cash. A debit whose answer was lost (timeout) and that did land is
 * seen in enrollment's {@code account.debited} event under the settlement's key ({@link ObservedDebits}) and reversed
 * by the sweep, since the person paid that share in cash.
 */
@Service
public class DirectSettlements {

    private static final Logger log = LoggerFactory.getLogger(DirectSettlements.class);
    static final String DEBIT_KEY = "settlement:";
    static final String REFUND_KEY = "settlement-reversal:";
    static final String STRAY_KEY = "settlement-stray:";

    private final ReactiveMongoTemplate mongo;
    private final Eligibility eligibility;
    private final Accumulations accumulations;
    private final AccountBalances balances;
    private final EnrollmentAccounts accounts;
    private final Policies policies;
    private final DirectSettlementProperties properties;
    private final Clock clock;

    public DirectSettlements(ReactiveMongoTemplate mongo, Eligibility eligibility, Accumulations accumulations,
                             AccountBalances balances, EnrollmentAccounts accounts, Policies policies,
                             DirectSettlementProperties properties, Clock clock) {
        this.mongo = mongo;
        this.eligibility = eligibility;
        this.accumulations = accumulations;
        this.balances = balances;
        this.accounts = accounts;
        this.policies = policies;
        this.properties = properties;
        this.clock = clock;
    }

    /** A settlement and whether it was already there (the institution's retry of the same bill). */
    public record Result(Settlement settlement, boolean replayed) {
    }

    /** 预结算: the same checks and calculation as {@link #settle}, with the year and balance as now; nothing stored. */
    public Mono<Settlement> preSettle(SettlementRequest request, Caller caller) {
        String institution = institution(caller);
        validate(request);
        return eligibility.assess(request, institution).flatMap(a -> {
            refuseIf(a.reasons());
            Settlement s = Settlement.start(terms(request, institution, a), clock.instant());
            return calculate(s).map(x -> s);
        });
    }

    /** 结算: idempotent per institution and invoice; see the class comment for the order of writes. */
    public Mono<Result> settle(SettlementRequest request, Caller caller) {
        String institution = institution(caller);
        validate(request);
        String id = id(institution, SettlementRequest.normalise(request.invoiceNumber()));
        String fingerprint = request.fingerprint();
        return mongo.findById(id, Settlement.class)
                .flatMap(existing -> replay(existing, fingerprint))
                .switchIfEmpty(Mono.defer(() -> eligibility.assess(request, institution).flatMap(a -> {
                    refuseIf(a.reasons());
                    Settlement s = Settlement.start(terms(request, institution, a), clock.instant());
                    return calculate(s)
                            .flatMap(mongo::insert)
                            // on from the copy just written (no read); another writer since: from a fresh read
                            .flatMap(inserted -> step(inserted)
                                    .onErrorResume(OptimisticLockingFailureException.class, e -> carryOn(inserted.getId()))
                                    .map(done -> new Result(done, false)))
                            .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(id, Settlement.class)
                                    .flatMap(existing -> replay(existing, fingerprint)));
                })));
    }

    /** A settlement of the calling institution (anyone else: 404, as if it did not exist). */
    public Mono<Settlement> find(String id, Caller caller) {
        String institution = institution(caller);
        return mongo.findById(id, Settlement.class)
                .filter(s -> s.getInstitutionCode().equals(institution))
                .switchIfEmpty(Mono.error(Authorize::notFound));
    }

    /**
     * 冲正: takes the settlement out of the person's year and gives the account debit back (enrollment's reversal, key
     * {@code settlement-reversal:<id>}); REVERSED with the {@code reversed} event. Idempotent. While enrollment-service
     * cannot be reached the settlement stays REVERSING (the sweep finishes it).
     */
    public Mono<Settlement> reverse(String id, String reason, Caller caller) {
        return find(id, caller).flatMap(found -> switch (found.getStatus()) {
            case REVERSED, REVERSING -> finishReversal(id);
            case SETTLED -> Mono.defer(() -> mongo.findById(id, Settlement.class).flatMap(s -> {
                        if (s.getStatus() != Settlement.Status.SETTLED) {
                            return Mono.just(s);
                        }
                        s.startReversal(reason == null || reason.isBlank() ? "退费冲正" : reason.strip(), clock.instant());
                        return mongo.save(s);
                    }))
                    .retryWhen(WriteConflicts.retryOptimisticLock())
                    .then(finishReversal(id));
            default -> Mono.error(ProblemException.unprocessable("结算尚未完成，不能冲正", List.of(new Violation("settlement",
                    "not-settled", "该结算尚未完成（" + found.getStatus().label() + "），请稍后查询结果后再冲正"))));
        });
    }

    /**
     * The institution's settlements with a visit (住院: discharge) day in [{@code from}, {@code to}], SETTLED or
     * reversed, in visit-day order: what the monthly declaration (622036010001/010002, package {@code monthly}) is
     * built from and reconciled against.
     */
    public Flux<Settlement> ofInstitutionBetween(String institutionCode, LocalDate from, LocalDate to) {
        return mongo.find(Query.query(Criteria.where("institutionCode").is(institutionCode)
                        .and("visitDate").gte(from).lte(to)
                        .and("status").in(Settlement.Status.SETTLED, Settlement.Status.REVERSING, Settlement.Status.REVERSED))
                .with(org.springframework.data.domain.Sort.by("visitDate", "_id")), Settlement.class);
    }

    // ---------------------------------------------------------------- the steps

    private Mono<Result> replay(Settlement existing, String fingerprint) {
        if (!existing.getFingerprint().equals(fingerprint)) {
            return Mono.error(ProblemException.unprocessable("该票据已结算", List.of(new Violation("invoiceNumber",
                    "invoice-already-settled", "票据" + existing.getInvoiceNumber() + "已用于另一笔结算，同一票据只能结算一次"))));
        }
        if (existing.getStatus() == Settlement.Status.REVERSING || existing.getStatus() == Settlement.Status.REVERSED) {
            return Mono.error(ProblemException.unprocessable("该票据的结算已冲正", List.of(new Violation("invoiceNumber",
                    "invoice-reversed", "票据" + existing.getInvoiceNumber() + "的结算已冲正，请以新票据号码重新结算"))));
        }
        return carryOn(existing.getId()).map(s -> new Result(s, true));
    }

    /** Carries a settlement on from whatever state it is in to SETTLED (any step may already be done). */
    Mono<Settlement> carryOn(String id) {
        return Mono.defer(() -> mongo.findById(id, Settlement.class).flatMap(this::step))
                .retryWhen(WriteConflicts.retryOptimisticLock());
    }

    private Mono<Settlement> step(Settlement s) {
        return switch (s.getStatus()) {
            case CALCULATED -> accumulations.count(s.getIdNumber(), s.getPolicyYear(), s.getYearVersion(), s.getId(), s.getUsed())
                    .flatMap(counted -> {
                        if (counted) {
                            s.counted(clock.instant());
                            // nothing for the account: SETTLED in the same write (a crash before it counts again:
                            // the year knows the settlement's key); with an account share COUNTED is stored first,
                            // so that the debit at enrollment-service is asked for only once it is
                            return s.getPersonalAccountFen() == 0 ? account(s).flatMap(mongo::save) : mongo.save(s);
                        }
                        // the person's year moved on (another visit counted): calculate again from it
                        return calculate(s).flatMap(mongo::save);
                    })
                    .flatMap(this::step);
            case COUNTED -> account(s).flatMap(mongo::save);
            default -> Mono.just(s);
        };
    }

    /** The calculator on the person's year as it is now (and the known account balance); the figures into {@code s}. */
    private Mono<Settlement> calculate(Settlement s) {
        Mono<Money> balance = Scheme.EMPLOYEE.name().equals(s.getScheme()) && s.isUseAccount()
                ? balances.balance(s.getAccountId()) : Mono.just(Money.ZERO);
        return Mono.zip(accumulations.of(s.getIdNumber(), s.getPolicyYear()), balance).map(t -> {
            Benefit b = BenefitCalculator.calculate(claim(s, t.getT1().sums(), t.getT2()), policy(s));
            s.calculated(b, t.getT1().sums(), t.getT1().version());
            return s;
        });
    }

    /** Step 4 and 5: the account's share, then SETTLED with its outcome. */
    private Mono<Settlement> account(Settlement s) {
        if (s.getPersonalAccountFen() == 0) {
            s.settle(Settlement.AccountUse.NONE, null, null, null, clock.instant());
            return Mono.just(s);
        }
        return accounts.debit(s.getAccountId(), Money.ofFen(s.getPersonalAccountFen()), DEBIT_KEY + s.getId(),
                s.getInvoiceNumber()).map(outcome -> {
                    if (outcome instanceof AccountOutcome.Posted posted) {
                        s.settle(Settlement.AccountUse.DEBITED, posted.entryId(), null, null, clock.instant());
                        return s;
                    }
                    boolean refused = outcome instanceof AccountOutcome.Refused;
                    String why = outcome instanceof AccountOutcome.Refused r ? r.message()
                            : ((AccountOutcome.Unavailable) outcome).reason();
                    Benefit cash = BenefitCalculator.calculate(claim(s, s.getBefore(), Money.ZERO), policy(s));
                    s.settle(refused ? Settlement.AccountUse.CASH_REFUSED : Settlement.AccountUse.CASH_UNAVAILABLE, null,
                            "个人账户支付未成功（" + why + "），个人账户支付部分改由现金支付", cash, clock.instant());
                    return s;
                });
    }

    private Mono<Settlement> finishReversal(String id) {
        return Mono.defer(() -> mongo.findById(id, Settlement.class).flatMap(s -> {
                    if (s.getStatus() != Settlement.Status.REVERSING) {
                        return Mono.just(s);
                    }
                    Mono<Void> year = accumulations.subtract(s.getIdNumber(), s.getPolicyYear(), s.getId(), s.getUsed());
                    Mono<Boolean> refund = s.getDebitEntryId() == null || s.getRefundEntryId() != null || s.getRefundNote() != null
                            ? Mono.just(true)
                            : accounts.reverse(s.getAccountId(), s.getDebitEntryId(), REFUND_KEY + s.getId(), s.getInvoiceNumber())
                            .map(outcome -> {
                                if (outcome instanceof AccountOutcome.Posted p) {
                                    s.refunded(p.entryId(), null);
                                    return true;
                                }
                                if (outcome instanceof AccountOutcome.Refused r) {
                                    log.error("settlement {}: the account debit {} could not be reversed: {} — to be refunded by hand",
                                            s.getId(), s.getDebitEntryId(), r.message());
                                    s.refunded(null, "个人账户退回未成功（" + r.message() + "），需人工处理");
                                    return true;
                                }
                                return false;
                            });
                    return year.then(refund).flatMap(done -> {
                        if (!done) {
                            return mongo.save(s);     // stays REVERSING; the sweep tries the account again
                        }
                        s.reversed(clock.instant());
                        return mongo.save(s);
                    });
                }))
                .retryWhen(WriteConflicts.retryOptimisticLock());
    }

    /** A debit under the settlement's key that landed although its share was paid in cash: given back once. */
    private Mono<Settlement> reverseStrayDebit(Settlement s) {
        return accounts.reverse(s.getAccountId(), s.getObservedDebitEntryId(), STRAY_KEY + s.getId(), s.getInvoiceNumber())
                .flatMap(outcome -> {
                    String entry = outcome instanceof AccountOutcome.Posted p ? p.entryId()
                            : outcome instanceof AccountOutcome.Refused r && "already-reversed".equals(r.code()) ? "already-reversed"
                            : null;
                    if (entry == null) {
                        return Mono.just(s);
                    }
                    return mongo.updateFirst(Query.query(Criteria.where("_id").is(s.getId())),
                                    new Update().set("strayDebitReversalEntryId", entry).inc("version", 1), Settlement.class)
                            .thenReturn(s);
                });
    }

    /** Records a debit enrollment-service posted under a settlement's key (from its events). */
    public Mono<Void> debitObserved(String settlementId, String entryId) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(settlementId).and("observedDebitEntryId").is(null)),
                new Update().set("observedDebitEntryId", entryId).inc("version", 1), Settlement.class).then();
    }

    // ---------------------------------------------------------------- the sweep

    @Scheduled(fixedDelayString = "${jingban.settlement.direct.sweep-interval:PT10S}",
            initialDelayString = "${jingban.settlement.direct.sweep-interval:PT10S}")
    public void sweep() {
        try {
            sweep(properties.sweepGrace()).block(Duration.ofMinutes(2));
        } catch (RuntimeException e) {
            log.warn("settlement sweep failed: {}", e.toString());
        }
    }

    /**
     * Carries on every settlement and reversal left half-done for longer than {@code grace} (a crash, a lost
     * request), and gives back stray debits; returns how many it touched.
     */
    public Mono<Long> sweep(Duration grace) {
        var before = clock.instant().minus(grace);
        Flux<Settlement> halfDone = mongo.find(Query.query(Criteria.where("status")
                .in(Settlement.Status.CALCULATED, Settlement.Status.COUNTED).and("createdAt").lte(before)), Settlement.class)
                .concatMap(s -> carryOn(s.getId()).onErrorResume(e -> {
                    log.warn("settlement {} not carried on: {}", s.getId(), e.toString());
                    return Mono.empty();
                }));
        Flux<Settlement> reversing = mongo.find(Query.query(Criteria.where("status").is(Settlement.Status.REVERSING)
                .and("reversalRequestedAt").lte(before)), Settlement.class)
                .concatMap(s -> finishReversal(s.getId()));
        Flux<Settlement> stray = mongo.find(Query.query(Criteria.where("observedDebitEntryId").ne(null)
                        .and("strayDebitReversalEntryId").is(null)
                        .and("accountUse").in(Settlement.AccountUse.CASH_REFUSED, Settlement.AccountUse.CASH_UNAVAILABLE)
                        .and("status").in(Settlement.Status.SETTLED, Settlement.Status.REVERSING, Settlement.Status.REVERSED)),
                Settlement.class).filter(Settlement::hasStrayDebit).concatMap(this::reverseStrayDebit);
        return Flux.concat(halfDone, reversing, stray).count();
    }

    // ---------------------------------------------------------------- helpers

    private Claim claim(Settlement s, Usage year, Money balance) {
        return new Claim(Scheme.valueOf(s.getScheme()), s.getPoolRegion(), s.getPolicyYear(),
                InstitutionLevel.valueOf(s.getLevel()), Place.valueOf(s.getPlace()), VisitType.valueOf(s.getVisitType()),
                s.isChronicEntitled(), false, SettlementRequest.bill(s.getLines()), year.yearToDate(), balance);
    }

    private org.jingban.platform.benefits.Policy policy(Settlement s) {
        return policies.lookup(s.getPoolRegion(), s.getPolicyYear(), Scheme.valueOf(s.getScheme()));
    }

    private Settlement.Terms terms(SettlementRequest r, String institution, Eligibility.Assessment a) {
        String invoice = SettlementRequest.normalise(r.invoiceNumber());
        return new Settlement.Terms(id(institution, invoice), institution, a.agreement().name(),
                a.agreement().agreementNumber(), invoice, r.fingerprint(), a.person().idNumber(), a.person().name(),
                a.person().personId(), a.scheme().name(), a.coverage().regionCode(), a.visitRegion(), a.place().name(),
                a.level().name(), r.visit().orElseThrow().name(), r.diseaseCode() == null ? null : r.diseaseCode().strip(),
                a.chronicEntitled(), r.visitDate(), r.admissionDate(), r.visitDate().getYear(), r.wantsAccount(),
                a.itemCode(), a.matter(), r.storedLines());
    }

    private void validate(SettlementRequest request) {
        request.validate(LocalDate.now(clock.withZone(Case.ZONE)));
        List<String> problems = BenefitCalculator.problems(new Claim(Scheme.RESIDENT, "000000", request.visitDate().getYear(),
                InstitutionLevel.PRIMARY, Place.IN_POOL, request.visit().orElseThrow(), false, false,
                SettlementRequest.bill(request.storedLines()), org.jingban.platform.benefits.YearToDate.ZERO, Money.ZERO));
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems.stream().map(p -> new Violation("lines", "invalid-bill", p)).toList());
        }
    }

    private static void refuseIf(List<Reason> reasons) {
        if (!reasons.isEmpty()) {
            throw ProblemException.unprocessable("不能直接结算：共" + reasons.size() + "项不符合结算条件",
                    reasons.stream().map(r -> new Violation(r.field(), r.code(), r.message())).toList());
        }
    }

    private static String institution(Caller caller) {
        if (caller.institutionCode() == null || caller.institutionCode().isBlank()) {
            throw ProblemException.forbidden("仅定点医药机构可以结算");
        }
        return caller.institutionCode();
    }

    /** One settlement per institution and invoice: the id is derived from both, so a retry finds the first. */
    static String id(String institution, String invoice) {
        return UUID.nameUUIDFromBytes(("direct-settlement|" + institution + "|" + invoice.toUpperCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
