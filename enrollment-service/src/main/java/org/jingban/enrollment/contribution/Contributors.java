package org.jingban.enrollment.contribution;

import java.util.List;

import org.jingban.enrollment.person.Insurance;
import org.jingban.enrollment.person.InsuredPerson;
import org.jingban.enrollment.person.InsuredPersons;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The person a personal contribution item is for, and the pool of theirs that offers the item (its handling region). */
@Component
class Contributors {

    /** The person, their 职工医保 in the pool (null if none) and the pool. */
    record Found(InsuredPerson person, Insurance insurance, String region) {
    }

    private final InsuredPersons persons;
    private final Catalog catalog;

    Contributors(InsuredPersons persons, Catalog catalog) {
        this.persons = persons;
        this.catalog = catalog;
    }

    /** 422: 参保地未开办「the item's name」. */
    static ProblemException notOffered(String item) {
        return ProblemException.unprocessable("参保地未开办「" + item.substring(item.lastIndexOf(':') + 1) + "」");
    }

    /** 422 when the person is not registered, or none of their pools offers the item. */
    Mono<Found> find(String idNumber, String item) {
        return persons.findByIdNumber(idNumber)
                .switchIfEmpty(Mono.error(() -> ProblemException.unprocessable("未找到该人员的参保信息",
                        List.of(new Violation("证件类型及号码", "not-insured", "未找到该人员的参保信息")))))
                .map(p -> {
                    String region = p.getInsurances().stream().map(Insurance::getRegionCode)
                            .filter(r -> catalog.find(item, r).isPresent()).findFirst()
                            .orElseThrow(() -> notOffered(item));
                    return new Found(p, p.insurance(Insurance.EMPLOYEE_INSURANCE, region).orElse(null), region);
                });
    }
}
