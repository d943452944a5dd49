package org.jingban.settlement.account;

import reactor.core.publisher.Mono;

/** settlement-service's own bearer token for enrollment-service's account API (scope {@code enrollment:account}). */
public interface ServiceToken {

    /** A valid token, or an error when none can be had (then the account is unavailable). */
    Mono<String> get();
}
