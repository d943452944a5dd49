package org.jingban.enrollment.employer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the unit register needs to know of the units' employees, who live in the person register: the staff list of
 * 参保单位参保信息查询 (622036002001) and the 注销 rule "no employee still contributing". The person package provides
 * it, so that persons depend on units and never the other way round.
 */
public interface UnitStaff {

    /** Everyone with an insurance at the unit, any status. */
    Flux<StaffMember> of(String unitId);

    /** How many of them contribute (参保缴费) through the unit. */
    Mono<Long> contributing(String unitId);
}
