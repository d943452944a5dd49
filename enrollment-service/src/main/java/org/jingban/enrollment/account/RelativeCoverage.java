package org.jingban.enrollment.account;

import reactor.core.publisher.Mono;

/**
 * What 家庭共济 needs to know of a relative, who lives in the person register: whether they contribute (参保缴费) in a
 * pool of the province. The person package provides it, so that the account knows nothing of persons.
 */
public interface RelativeCoverage {

    /** Whether the person with this 证件号码 has an active insurance in a pool whose code starts with {@code province}. */
    Mono<Boolean> insuredInProvince(String idNumber, String province);
}
