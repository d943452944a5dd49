package org.jingban.platform.benefits;

import java.util.Optional;

/** 医保目录类别 of a bill line (甲类, 乙类, 丙类, 自费): what part of its cost the fund's rules apply to. */
public enum Category {
    /** 甲类: wholly within the policy scope (政策范围内). */
    A("甲类"),
    /** 乙类: the person first pays {@link Policy#selfPayFirstRatio()} (乙类先行自付); the rest is within the scope. */
    B("乙类"),
    /** 丙类: outside the scope, paid by the person. */
    C("丙类"),
    /** 自费: outside the scope, paid by the person. */
    SELF_PAY("自费");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads 甲类, 乙类, 丙类, 自费 or the short forms 甲, 乙, 丙 as a settlement list prints them (blanks ignored). */
    public static Optional<Category> ofLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        return switch (label.strip()) {
            case "甲类", "甲" -> Optional.of(A);
            case "乙类", "乙" -> Optional.of(B);
            case "丙类", "丙" -> Optional.of(C);
            case "自费" -> Optional.of(SELF_PAY);
            default -> Optional.empty();
        };
    }
}
