package org.jingban.enrollment.transfer;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jingban.enrollment.account.AccountEntry;
import org.jingban.enrollment.account.AccountLedger;
import org.jingban.enrollment.account.EntryKind;
import org.jingban.enrollment.account.PostEntry;
import org.jingban.enrollment.api.TransferHooks.CreditIn;
import org.jingban.enrollment.api.TransferHooks.InsuranceRecord;
import org.jingban.enrollment.api.TransferHooks.Outcome;
import org.jingban.enrollment.api.TransferHooks.Release;
import org.jingban.enrollment.api.TransferHooks.Suspend;
import org.jingban.enrollment.person.Insurance;
import org.jingban.enrollment.person.InsuredPerson;
import org.jingban.enrollment.person.InsuredPersons;
import org.jingban.enrollment.person.PersonCategory;
import org.jingban.enrollment.person.PersonEventMapper;
import org.jingban.platform.service.items.IdDocument;
import org.jingban.platform.identifiers.Divisions;
import org.jingban.platform.identifiers.ResidentIdNumber;
import org.jingban.platform.money.Money;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.jingban.platform.web.problem.Violations;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The hooks of 关系转移接续 (transfer-service): 中止参保, release of the record and balance, credit of transferred-in
 * periods and balance. Each is idempotent by transfer id: the person keeps the applied command in its inbox, the
 * ledger keys the account entry {@code transfer-out:<id>} / {@code transfer-in:<id>}. Commands and answers are
 * enrollment-service-api's {@link org.jingban.enrollment.api.TransferHooks}.
 */
@Service
public class TransferHooks {

    private final InsuredPersons persons;
    private final AccountLedger ledger;
    private final Clock clock;

    public TransferHooks(InsuredPersons persons, AccountLedger ledger, Clock clock) {
        this.persons = persons;
        this.ledger = ledger;
        this.clock = clock;
    }

    private YearMonth month() {
        return YearMonth.now(clock);
    }

    private static void validate(Violations v, String transferId, String idNumber, String type, String region) {
        v.require("transferId", transferId).require("idNumber", idNumber).require("insuranceType", type)
                .require("regionCode", region);
        if (idNumber != null && !idNumber.isBlank()) {
            ResidentIdNumber.check(idNumber).ifPresent(p -> v.add("idNumber", p.code(), p.message()));
        }
        if (type != null && !type.isBlank()) {
            v.check(Insurance.EMPLOYEE_INSURANCE.equals(type) || Insurance.RESIDENT_INSURANCE.equals(type), "insuranceType",
                    "unknown-option", "险种应为职工基本医疗保险或城乡居民基本医疗保险");
        }
        if (region != null && !region.isBlank()) {
            v.check(region.matches("\\d{6}") && Divisions.isKnownRegionCode(region), "regionCode", "unknown-region",
                    "医保区划代码无效");
        }
    }

    private Mono<InsuredPerson> person(String idNumber) {
        return persons.findByIdNumber(idNumber).switchIfEmpty(Mono.error(() -> ProblemException.unprocessable(
                "未找到该人员的参保信息", List.of(new Violation("idNumber", "not-insured", "未找到该人员的参保信息")))));
    }

    /** 中止参保: the insurance in the 转出地 stops (its running period closes with this month). */
    public Mono<Outcome> suspend(Suspend cmd) {
        Violations v = new Violations();
        validate(v, cmd.transferId(), cmd.idNumber(), cmd.insuranceType(), cmd.regionCode());
        v.throwIfAny();
        return persons.change(() -> person(cmd.idNumber()), p -> {
                    if (p.hasAppliedTransfer("suspend", cmd.transferId())) {
                        return false;
                    }
                    Insurance insurance = p.activeInsurance(cmd.insuranceType(), cmd.regionCode()).orElseThrow(() ->
                            ProblemException.unprocessable("该人员在转出地没有参保缴费中的" + cmd.insuranceType(),
                                    List.of(new Violation("idNumber", "not-active", "该人员在转出地没有参保缴费中的" + cmd.insuranceType()))));
                    p.suspendForTransfer(insurance, month(), cmd.transferId(), clock.instant());
                    return true;
                })
                .flatMap(p -> outcome(cmd.transferId(), p, cmd.insuranceType(), cmd.regionCode()));
    }

    /** Statuses in which the 转出地's coverage has stopped, so that its record may leave. */
    static final Set<Insurance.Status> RELEASABLE =
            EnumSet.of(Insurance.Status.SUSPENDED, Insurance.Status.INTERRUPTED, Insurance.Status.TERMINATED);

    /** Releases the record (periods, months) and the whole balance (debited to zero as 转移转出). */
    public Mono<InsuranceRecord> release(Release cmd) {
        Violations v = new Violations();
        validate(v, cmd.transferId(), cmd.idNumber(), cmd.insuranceType(), cmd.regionCode());
        v.throwIfAny();
        return person(cmd.idNumber()).flatMap(p -> {
            Insurance insurance = p.insurance(cmd.insuranceType(), cmd.regionCode()).orElse(null);
            boolean done = p.hasAppliedTransfer("release", cmd.transferId());
            // 中止参保 in the 转出地: suspended for the transfer, or no longer contributing (中断 or 终止 by the unit)
            if (!done && (insurance == null || !RELEASABLE.contains(insurance.getStatus()))) {
                return Mono.error(ProblemException.conflict("请先办理中止参保，再转出参保记录", List.of(new Violation("idNumber",
                        "not-suspended", "该人员在转出地的" + cmd.insuranceType() + "未中止参保"))));
            }
            Mono<Optional<AccountEntry>> balance =
                    Insurance.EMPLOYEE_INSURANCE.equals(cmd.insuranceType())
                            ? ledger.findById(p.getId()).flatMap(a -> ledger.post(a.getId(), new PostEntry(EntryKind.TRANSFER_OUT,
                                    PostEntry.WHOLE_BALANCE, "transfer-out:" + cmd.transferId(), cmd.transferId(), null,
                                    "关系转移接续转出")).map(r -> Optional.of(r.entry())))
                            .defaultIfEmpty(Optional.empty())
                            : Mono.just(Optional.empty());
            return balance.flatMap(entry -> persons.change(() -> person(cmd.idNumber()), fresh -> {
                        if (fresh.hasAppliedTransfer("release", cmd.transferId())) {
                            return false;
                        }
                        Insurance ins = fresh.insurance(cmd.insuranceType(), cmd.regionCode()).orElseThrow();
                        fresh.releaseForTransfer(ins, cmd.transferId(), record(cmd, fresh, entry), clock.instant());
                        return true;
                    })
                    .map(released -> record(cmd, released, entry)));
        });
    }

    /** What leaves with the transfer: the periods and months of the insurance, and the balance debited. */
    private InsuranceRecord record(Release cmd, InsuredPerson p, Optional<AccountEntry> entry) {
        Insurance ins = p.insurance(cmd.insuranceType(), cmd.regionCode()).orElseThrow();
        return new InsuranceRecord(cmd.transferId(), p.getId(), p.getIdNumber(), p.getName(), cmd.insuranceType(),
                cmd.regionCode(), PersonEventMapper.periods(ins.getPeriods()), ins.contributionMonths(month()),
                Money.format(entry.map(e -> -e.amountFen()).orElse(0L)), entry.map(AccountEntry::id).orElse(null),
                p.getIdType());
    }

    /** Credits the transferred-in periods and balance in the 转入地; creates the person if this pool has never seen them. */
    public Mono<Outcome> creditIn(CreditIn cmd) {
        Violations v = new Violations();
        validate(v, cmd.transferId(), cmd.idNumber(), cmd.insuranceType(), cmd.regionCode());
        v.require("name", cmd.name()).require("fromRegionCode", cmd.fromRegionCode()).require("balance", cmd.balance());
        Long fen = Money.parseFen(cmd.balance());
        if (cmd.balance() != null && !cmd.balance().isBlank()) {
            v.check(fen != null && fen >= 0, "balance", "invalid-amount", "转入余额应为不小于0且最多两位小数的金额");
        }
        if (cmd.periods() != null) {
            for (int i = 0; i < cmd.periods().size(); i++) {
                var period = cmd.periods().get(i);
                v.check(period != null && validMonth(period.from()) && (period.to() == null || validMonth(period.to())),
                        "periods[" + i + "]", "invalid-period", "参保期间应为yyyy-MM");
            }
        }
        if (cmd.category() != null && !cmd.category().isBlank()) {
            v.check(PersonCategory.find(cmd.category()).isPresent(), "category", "unknown-option",
                    "人员类别应为" + Arrays.stream(PersonCategory.values()).map(PersonCategory::label)
                            .collect(Collectors.joining("、")) + "之一");
        }
        v.throwIfAny();
        boolean employee = Insurance.EMPLOYEE_INSURANCE.equals(cmd.insuranceType());
        // 城乡居民 unless the command names a category; 灵活就业人员 for a 职工 insurance without a unit here
        PersonCategory category = PersonCategory.find(cmd.category())
                .orElse(employee ? PersonCategory.FLEXIBLE : PersonCategory.RESIDENT);
        return persons.createOrChange(IdDocument.residentId(cmd.idNumber()), cmd.name(), p -> {
                    if (p.hasAppliedTransfer("credit", cmd.transferId())) {
                        return false;
                    }
                    p.creditTransferIn(cmd.insuranceType(), cmd.regionCode(), category,
                            PersonEventMapper.fromEvents(cmd.periods()), month(), cmd.transferId(), clock.instant());
                    return true;
                })
                .flatMap(p -> employee
                        ? ledger.open(p.getId(), p.getIdNumber(), p.getName(), cmd.regionCode())
                        .flatMap(a -> ledger.moveTo(a.getId(), cmd.regionCode()))
                        .flatMap(a -> fen > 0 ? ledger.post(a.getId(), PostEntry.credit(EntryKind.TRANSFER_IN, fen,
                                "transfer-in:" + cmd.transferId(), cmd.transferId(), "关系转移接续转入（" + cmd.fromRegionCode() + "）"))
                                .thenReturn(p) : Mono.just(p))
                        : Mono.just(p))
                .flatMap(p -> outcome(cmd.transferId(), p, cmd.insuranceType(), cmd.regionCode()));
    }

    private static boolean validMonth(String text) {
        try {
            YearMonth.parse(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Mono<Outcome> outcome(String transferId, InsuredPerson p, String type, String region) {
        Insurance ins = p.insurance(type, region).orElseThrow();
        return ledger.findById(p.getId()).map(a -> Money.format(a.getBalanceFen())).defaultIfEmpty(Money.ZERO.toString())
                .map(balance -> new Outcome(transferId, p.getId(), type, region, ins.getStatus().name(),
                        ins.contributionMonths(month()), balance));
    }

}
