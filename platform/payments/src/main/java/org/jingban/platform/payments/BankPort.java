package org.jingban.platform.payments;

import reactor.core.publisher.Mono;

/**
 * The bank that pays (代发): reimbursements to the applicants' accounts, the monthly settlement to the institutions'.
 * Every call carries the payment order's id as the idempotency key: sending one order twice (after a crash, a timeout,
 * a retry) makes one transfer. {@link SimulatedBank} stands in for it in the local stack and the tests; a region plugs
 * its bank's adapter in as a {@code BankPort} bean.
 */
public interface BankPort {

    /** Where an order stands at the bank. */
    enum Status {
        /** Taken, not yet booked. */
        ACCEPTED,
        /** Booked to the payee's account. */
        CONFIRMED,
        /** Refused (e.g. the account does not exist); the reason says why. */
        REJECTED,
        /** The bank has no order with this id. */
        UNKNOWN
    }

    record Transfer(String orderId, String accountNumber, String bankName, String holder, long amountFen, String remark) {
    }

    record Answer(String orderId, Status status, String bankReference, String reason) {
    }

    /** Sends the order (again: the same answer, no second transfer). */
    Mono<Answer> transfer(Transfer transfer);

    /** Asks where the order stands. */
    Mono<Answer> status(String orderId);
}
