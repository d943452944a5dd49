package org.jingban.platform.benefits;

import java.util.Arrays;
import java.util.Optional;

/** 医疗机构级别: the deductible and the fund's ratio depend on it. */
public enum InstitutionLevel {
    PRIMARY("一级"),
    SECONDARY("二级"),
    TERTIARY("三级");

    private final String label;

    InstitutionLevel(String label) {
        this.label = label;
    }

    /** 一级, 二级, 三级. */
    public String label() {
        return label;
    }

    /** The level a form or a settlement list names: {@code 一级}, {@code 二级}, {@code 三级} (surrounding blanks ignored). */
    public static Optional<InstitutionLevel> ofLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String text = label.strip();
        return Arrays.stream(values()).filter(level -> level.label.equals(text)).findFirst();
    }
}
