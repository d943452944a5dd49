package org.jingban.enrollment.person;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

import org.jingban.enrollment.api.PersonEvents;
import org.jingban.enrollment.api.TransferHooks;
import org.jingban.platform.messaging.OutboxEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The person register as other packages of this service change it (transfer hooks, local items): each method is one
 * rule of {@link InsuredPerson} plus the event it publishes, saved in one write by the caller.
 */
@Component
public class PersonAccess {

    private final ReactiveMongoTemplate template;

    public PersonAccess(ReactiveMongoTemplate template) {
        this.template = template;
    }

    public Mono<InsuredPerson> findByIdNumber(String idNumber) {
        return template.findOne(new Query(Criteria.where("idNumber").is(idNumber)), InsuredPerson.class);
    }

    public Mono<InsuredPerson> find(String personId) {
        return template.findById(personId, InsuredPerson.class);
    }

    public Mono<InsuredPerson> save(InsuredPerson person) {
        return template.save(person);
    }

    public void suspendForTransfer(InsuredPerson p, Insurance insurance, YearMonth month, String transferId, Instant at) {
        p.suspendForTransfer(insurance, month, transferId, at);
        p.enqueueChanged(PersonEvents.TRANSFER_SUSPENDED, "中止参保（转移接续）", insurance.getRegionCode(), at);
    }

    public void releaseForTransfer(InsuredPerson p, Insurance insurance, String transferId,
                                   TransferHooks.InsuranceRecord record, Instant at) {
        p.releaseForTransfer(insurance, transferId, at);
        p.enqueue(OutboxEvent.of(PersonEvents.RECORD_RELEASED, p.getId(), insurance.getRegionCode(), record));
    }

    /** Applies a transfer-in once (creating the person when needed) and publishes the credit. */
    public Mono<InsuredPerson> creditTransferIn(TransferHooks.CreditIn cmd, YearMonth month, Instant at) {
        String key = "transfer-credit:" + cmd.transferId();
        return Mono.defer(() -> findByIdNumber(cmd.idNumber())
                        .map(p -> java.util.Map.entry(p, false))
                        .defaultIfEmpty(java.util.Map.entry(InsuredPerson.create(UUID.randomUUID().toString(), "居民身份证",
                                cmd.idNumber(), cmd.name(), at), true))
                        .flatMap(entry -> {
                            InsuredPerson p = entry.getKey();
                            if (p.hasApplied(key)) {
                                return Mono.just(p);
                            }
                            String category = cmd.category() != null ? cmd.category()
                                    : Insurance.RESIDENT_INSURANCE.equals(cmd.insuranceType()) ? Insurance.RESIDENT : Insurance.FLEXIBLE;
                            p.creditTransferIn(cmd.insuranceType(), cmd.regionCode(), category,
                                    PersonEventMapper.fromEvents(cmd.periods()), month, cmd.transferId(), at);
                            p.enqueueChanged(PersonEvents.TRANSFER_IN_CREDITED, "转移接续转入", cmd.regionCode(), at, cmd.transferId());
                            return entry.getValue() ? template.insert(p) : template.save(p);
                        }))
                .retryWhen(Retry.backoff(20, Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(200))
                        .filter(e -> e instanceof OptimisticLockingFailureException || e instanceof DuplicateKeyException)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    /** 缴费基数申报: the declared wage of an insurance, once per case. */
    public Mono<InsuredPerson> declareWage(String idNumber, String type, String region, long fen, String caseId) {
        return Mono.defer(() -> findByIdNumber(idNumber).flatMap(p -> {
                    if (p.hasApplied(caseId + ":wage")) {
                        return Mono.just(p);
                    }
                    p.insurance(type, region).ifPresent(i -> i.setDeclaredWageFen(fen));
                    p.markApplied(caseId + ":wage");
                    return template.save(p);
                }))
                .retryWhen(Retry.backoff(20, Duration.ofMillis(5)).filter(e -> e instanceof OptimisticLockingFailureException));
    }

    /** Saves a changed phone number (参保人员电话号码新增和更改) once per case. */
    public Mono<InsuredPerson> changePhone(String idNumber, String itemCode, String phone, String caseId,
                                           String caseNumber, String itemName, String regionCode, Instant at) {
        return Mono.defer(() -> findByIdNumber(idNumber).flatMap(p -> {
                    if (p.hasApplied(caseId)) {
                        return Mono.just(p);
                    }
                    p.applyInformationChange(itemCode, "联系电话", phone, false, caseNumber, at);
                    p.informationChanged(caseId, itemName, regionCode, at);
                    return template.save(p);
                }))
                .retryWhen(Retry.backoff(20, Duration.ofMillis(5)).filter(e -> e instanceof OptimisticLockingFailureException));
    }
}
