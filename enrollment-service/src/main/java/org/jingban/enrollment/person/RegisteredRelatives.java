package org.jingban.enrollment.person;

import org.jingban.enrollment.account.RelativeCoverage;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A 家庭共济 relative's cover as the person register knows it (the account asks through {@link RelativeCoverage}). */
@Component
class RegisteredRelatives implements RelativeCoverage {

    private final InsuredPersons persons;

    RegisteredRelatives(InsuredPersons persons) {
        this.persons = persons;
    }

    @Override
    public Mono<Boolean> insuredInProvince(String idNumber, String province) {
        return persons.findByIdNumber(idNumber)
                .map(p -> p.getInsurances().stream().anyMatch(i -> i.getRegionCode().startsWith(province)
                        && i.getStatus() == Insurance.Status.ACTIVE))
                .defaultIfEmpty(false);
    }
}
