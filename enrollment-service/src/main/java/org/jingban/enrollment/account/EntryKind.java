package org.jingban.enrollment.account;

/** What an account entry (个人账户明细) records; the sign of its amount follows from the kind. */
public enum EntryKind {
    /** 缴费划入: the credited share of a contribution */
    CONTRIBUTION("缴费划入", true),
    /** 其他入账 (e.g. 补记) */
    CREDIT("入账", true),
    /** 转移接续转入 */
    TRANSFER_IN("转移转入", true),
    /** 个人账户支付 / 家庭共济 (settlement-service) */
    DEBIT("支付", false),
    /** 一次性支取 */
    WITHDRAWAL("一次性支取", false),
    /** 转移接续转出 */
    TRANSFER_OUT("转移转出", false),
    /** 冲正: the opposite of the entry it reverses */
    REVERSAL("冲正", false);

    private final String label;
    private final boolean credit;

    EntryKind(String label, boolean credit) {
        this.label = label;
        this.credit = credit;
    }

    public String label() {
        return label;
    }

    /** Whether an entry of this kind adds to the balance (for REVERSAL it depends on the reversed entry). */
    public boolean credit() {
        return credit;
    }
}
