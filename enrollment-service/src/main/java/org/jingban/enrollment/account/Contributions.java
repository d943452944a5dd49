package org.jingban.enrollment.account;

import java.util.List;

import org.jingban.platform.identifiers.Divisions;
import org.jingban.platform.identifiers.ResidentIdNumber;
import org.jingban.platform.money.Money;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.jingban.platform.web.problem.Violations;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 缴费划入: contribution data from the tax bureau (税务征收数据) credit the configured share of each contribution to
 * the person's account, once per 流水号 (the idempotency key is {@code contribution:<serialNumber>}).
 */
@Service
public class Contributions {

    private final AccountLedger ledger;
    private final AccountProperties properties;

    public Contributions(AccountLedger ledger, AccountProperties properties) {
        this.ledger = ledger;
        this.properties = properties;
    }

    /**
     * One contribution of one person for one month.
     *
     * @param serialNumber       the tax bureau's 流水号, unique per posting
     * @param period             缴费所属期 yyyyMM
     * @param contributionAmount the contribution (yuan) of which the share is credited
     */
    public record Posting(String serialNumber, String idNumber, String period, String insuranceType, String regionCode,
                          String contributionAmount) {
    }

    /** What became of one posting: {@code status} CREDITED, REPLAYED (the 流水号 was credited before) or REFUSED. */
    public record LineResult(String serialNumber, Status status, String creditedAmount, String entryId,
                             List<Violation> violations) {

        public enum Status { CREDITED, REPLAYED, REFUSED }
    }

    /** Applies each posting on its own: a refused line does not stop the others (a batch is not all-or-nothing). */
    public Flux<LineResult> apply(List<Posting> postings) {
        return Flux.fromIterable(postings).concatMap(this::applyOne);
    }

    private Mono<LineResult> applyOne(Posting p) {
        Violations v = new Violations();
        v.require("serialNumber", p.serialNumber()).require("idNumber", p.idNumber()).require("period", p.period())
                .require("insuranceType", p.insuranceType()).require("regionCode", p.regionCode())
                .require("contributionAmount", p.contributionAmount());
        if (p.idNumber() != null && !p.idNumber().isBlank()) {
            ResidentIdNumber.check(p.idNumber()).ifPresent(problem -> v.add("idNumber", problem.code(), problem.message()));
        }
        if (p.regionCode() != null && !p.regionCode().isBlank()) {
            v.check(Divisions.isKnownRegionCode(p.regionCode()), "regionCode", "unknown-region", "医保区划代码不存在");
        }
        if (p.period() != null && !p.period().isBlank()) {
            v.check(p.period().matches("\\d{4}(0[1-9]|1[0-2])"), "period", "invalid-period", "缴费所属期应为yyyyMM");
        }
        Long fen = Money.parseFen(p.contributionAmount());
        if (p.contributionAmount() != null && !p.contributionAmount().isBlank()) {
            v.check(fen != null && fen > 0, "contributionAmount", "invalid-amount", "缴费金额应为大于0且最多两位小数的金额");
        }
        if (!v.isEmpty()) {
            return Mono.just(new LineResult(p.serialNumber(), LineResult.Status.REFUSED, null, null, v.list()));
        }
        long credited = Money.share(fen, properties.shareFor(p.regionCode(), p.insuranceType()));
        return ledger.findByIdNumber(p.idNumber())
                .flatMap(account -> ledger.post(account.getId(), PostEntry.credit(EntryKind.CONTRIBUTION, credited,
                                "contribution:" + p.serialNumber(), p.period(), p.insuranceType() + "缴费划入"))
                        .map(r -> new LineResult(p.serialNumber(), r.replayed() ? LineResult.Status.REPLAYED : LineResult.Status.CREDITED,
                                Money.format(Math.abs(r.entry().amountFen())), r.entry().id(), List.of())))
                .switchIfEmpty(Mono.fromSupplier(() -> new LineResult(p.serialNumber(), LineResult.Status.REFUSED, null, null,
                        List.of(new Violation("idNumber", "account-not-found", "该参保人员没有个人账户")))))
                .onErrorResume(ProblemException.class, e -> Mono.just(
                        new LineResult(p.serialNumber(), LineResult.Status.REFUSED, null, null, e.violations())));
    }
}
