package org.jingban.enrollment.person;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jingban.platform.service.items.IdDocument;
import org.jingban.platform.messaging.WriteConflicts;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The person register (参保人员, collection {@code insured_persons}): reads, and the one way to change a person —
 * load (or create), apply a rule of {@link InsuredPerson}, one versioned save, all again from a fresh load when
 * another writer won the race ({@link WriteConflicts}). Every item of this package and the transfer hooks and
 * contribution items of other packages change persons through it.
 */
@Component
public class InsuredPersons {

    private final ReactiveMongoTemplate template;
    private final Clock clock;

    public InsuredPersons(ReactiveMongoTemplate template, Clock clock) {
        this.template = template;
        this.clock = clock;
    }

    public Mono<InsuredPerson> find(String personId) {
        return template.findById(personId, InsuredPerson.class);
    }

    public Mono<InsuredPerson> findByIdNumber(String idNumber) {
        return template.findOne(new Query(Criteria.where("idNumber").is(idNumber)), InsuredPerson.class);
    }

    /** The persons of these 证件号码 that are registered, by 证件号码. */
    public Mono<Map<String, InsuredPerson>> byIdNumbers(List<String> idNumbers) {
        return template.find(new Query(Criteria.where("idNumber").in(idNumbers)), InsuredPerson.class)
                .collectList().map(persons -> {
                    Map<String, InsuredPerson> map = new LinkedHashMap<>();
                    persons.forEach(p -> map.put(p.getIdNumber(), p));
                    return map;
                });
    }

    /** Persons with an insurance at the unit (any status), for 参保单位参保信息查询. */
    public Flux<InsuredPerson> atUnit(String unitId) {
        return template.find(new Query(Criteria.where("insurances").elemMatch(Criteria.where("unitId").is(unitId))),
                InsuredPerson.class);
    }

    /** How many persons contribute (参保缴费) through the unit. */
    public Mono<Long> contributingAtUnit(String unitId) {
        return template.count(new Query(Criteria.where("insurances").elemMatch(
                Criteria.where("unitId").is(unitId).and("status").is(Insurance.Status.ACTIVE))), InsuredPerson.class);
    }

    /**
     * Loads the person of the document (creating them, not yet stored, when the register does not know them) and
     * applies {@code change}; when it answers true the person is saved in one versioned write (inserted if new). A
     * lost race — another save of the person, or another insert of the same 证件号码 — starts again from a fresh
     * load, so the rule is checked against what the other writer did.
     *
     * @param change applies a rule of the person and says whether anything changed (false: already applied, or
     *               refused on the fresh copy)
     * @return the person as saved or as found; empty when a new person's change answered false (nothing stored)
     */
    public Mono<InsuredPerson> createOrChange(IdDocument id, String name, Predicate<InsuredPerson> change) {
        return Mono.defer(() -> findByIdNumber(id.number())
                        .map(p -> new Loaded(p, false))
                        .defaultIfEmpty(new Loaded(InsuredPerson.create(UUID.randomUUID().toString(), id.type(),
                                id.number(), name, clock.instant()), true))
                        .flatMap(loaded -> {
                            if (!change.test(loaded.person())) {
                                return loaded.fresh() ? Mono.empty() : Mono.just(loaded.person());
                            }
                            return loaded.fresh() ? template.insert(loaded.person()) : template.save(loaded.person());
                        }))
                .retryWhen(WriteConflicts.retry());
    }

    /**
     * Changes a registered person as {@link #createOrChange} does; empty when {@code load} finds nobody. Only a lost
     * optimistic-lock race is retried: a duplicate key here is a real refusal (e.g. a new 证件号码 another person has).
     */
    public Mono<InsuredPerson> change(Supplier<Mono<InsuredPerson>> load, Predicate<InsuredPerson> change) {
        return Mono.defer(() -> load.get().flatMap(p -> change.test(p) ? template.save(p) : Mono.just(p)))
                .retryWhen(WriteConflicts.retryOptimisticLock());
    }

    /** {@link #change(Supplier, Predicate)} of the person with this 证件号码. */
    public Mono<InsuredPerson> change(String idNumber, Predicate<InsuredPerson> change) {
        return change(() -> findByIdNumber(idNumber), change);
    }

    private record Loaded(InsuredPerson person, boolean fresh) {
    }
}
