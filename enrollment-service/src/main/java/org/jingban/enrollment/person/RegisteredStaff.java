package org.jingban.enrollment.person;

import java.time.Clock;
import java.time.YearMonth;

import org.jingban.enrollment.employer.StaffMember;
import org.jingban.enrollment.employer.UnitStaff;
import org.jingban.platform.identifiers.Masking;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A unit's employees as the person register knows them (the unit register asks through {@link UnitStaff}). */
@Component
class RegisteredStaff implements UnitStaff {

    private final InsuredPersons persons;
    private final Clock clock;

    RegisteredStaff(InsuredPersons persons, Clock clock) {
        this.persons = persons;
        this.clock = clock;
    }

    @Override
    public Flux<StaffMember> of(String unitId) {
        YearMonth now = YearMonth.now(clock);
        return persons.atUnit(unitId).flatMapIterable(p -> p.getInsurances().stream()
                .filter(i -> unitId.equals(i.getUnitId())).limit(1)
                .map(i -> new StaffMember(p.getId(), p.getName(), Masking.idNumber(p.getIdNumber()),
                        i.getCategory() == null ? null : i.getCategory().label(), i.getStatus().name(),
                        i.getStatus().label(), i.contributionMonths(now)))
                .toList());
    }

    @Override
    public Mono<Long> contributing(String unitId) {
        return persons.contributingAtUnit(unitId);
    }
}
