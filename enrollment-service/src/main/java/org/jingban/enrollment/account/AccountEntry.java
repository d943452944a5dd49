package org.jingban.enrollment.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One immutable entry of a personal account (个人账户明细). Written once, never changed: a mistake is
 * put right by a {@link EntryKind#REVERSAL} entry.
 *
 * @param id              {@code <accountId>:<sequence>}
 * @param amountFen       signed: positive credits, negative debits (fen)
 * @param balanceAfterFen the balance right after this entry (fen)
 * @param idempotencyKey  the caller's key; a repeated post with it returns this entry instead of posting again
 * @param reference       what caused it (结算单号, 办件编号, 转移单号, 缴费期号 …)
 * @param reversalOf      for a reversal, the id of the entry it reverses
 */
@Document("account_entries")
public record AccountEntry(@Id String id, String accountId, long sequence, EntryKind kind, long amountFen,
                           long balanceAfterFen, String idempotencyKey, String reference, String reversalOf,
                           String remark, Instant postedAt) {

    /** Whether a repeated request with the same key asks for the same thing (else the key was reused). */
    boolean sameRequestAs(EntryKind otherKind, long requestedFen, String otherReversalOf) {
        if (kind != otherKind) {
            return false;
        }
        if (kind == EntryKind.REVERSAL) {
            return java.util.Objects.equals(reversalOf, otherReversalOf);
        }
        // a 支取/转出 of "the whole balance" is asked without an amount
        return requestedFen < 0 || Math.abs(amountFen) == requestedFen;
    }
}
