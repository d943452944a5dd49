package org.jingban.platform.catalog;

/** 办件类型. */
public enum CaseKind {
    /** 即办件: completed within the request when the automated checks pass. */
    INSTANT("即办件"),
    /** 承诺件: completed within the promised limit (承诺办结时限). */
    PROMISED("承诺件");

    private final String label;

    CaseKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** @throws IllegalArgumentException for a label that is neither 即办件 nor 承诺件 */
    public static CaseKind ofLabel(String label) {
        for (CaseKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("未知的办件类型：" + label);
    }
}
