package org.jingban.settlement.account;

/** What enrollment-service answered to a debit or a reversal of a personal account. */
public sealed interface AccountOutcome {

    /** Posted (or found posted under the same idempotency key: {@code replayed}). */
    record Posted(String entryId, boolean replayed) implements AccountOutcome {
    }

    /** Refused for good (余额不足, 账户已注销, no such account …): the same request will be refused again. */
    record Refused(String code, String message) implements AccountOutcome {
    }

    /**
     * No answer that decides (enrollment-service down, slow, the breaker open, no credentials): the post may or may not
     * have happened. A debit with this outcome is never assumed: the account share goes to cash, and a debit that did
     * land under the settlement's key is found from enrollment's events and reversed (see DirectSettlements).
     */
    record Unavailable(String reason) implements AccountOutcome {
    }
}
