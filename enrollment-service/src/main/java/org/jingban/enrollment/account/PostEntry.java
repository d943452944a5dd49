package org.jingban.enrollment.account;

/**
 * A request to post one entry.
 *
 * @param amountFen  the amount in fen, positive; {@link #WHOLE_BALANCE} for 一次性支取 / 转出 of everything;
 *                   ignored for a reversal (it takes the reversed entry's amount)
 * @param reversalOf for {@link EntryKind#REVERSAL}: the entry id to reverse
 */
public record PostEntry(EntryKind kind, long amountFen, String idempotencyKey, String reference, String reversalOf,
                        String remark) {

    public static final long WHOLE_BALANCE = -1;

    public static PostEntry credit(EntryKind kind, long fen, String key, String reference, String remark) {
        return new PostEntry(kind, fen, key, reference, null, remark);
    }

    public static PostEntry debit(EntryKind kind, long fen, String key, String reference, String remark) {
        return new PostEntry(kind, fen, key, reference, null, remark);
    }

    public static PostEntry reversal(String entryId, String key, String reference, String remark) {
        return new PostEntry(EntryKind.REVERSAL, 0, key, reference, entryId, remark);
    }
}
