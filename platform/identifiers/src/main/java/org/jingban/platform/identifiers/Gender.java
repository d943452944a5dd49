package org.jingban.platform.identifiers;

/** 性别, as carried by the 17th digit (顺序码的末位) of a 公民身份号码: odd for men, even for women. */
public enum Gender {
    MALE("男"),
    FEMALE("女");

    private final String label;

    Gender(String label) {
        this.label = label;
    }

    /** The Chinese label shown to people. */
    public String label() {
        return label;
    }
}
