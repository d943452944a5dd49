package org.jingban.platform.catalog;

/** 风险等级 of an item, as the national template (操作规范) rates it. */
public enum RiskLevel {
    LOW("低风险"), LOWER("较低风险"), MEDIUM("中风险"), HIGHER("较高风险"), HIGH("高风险");

    private final String label;

    RiskLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** 较高风险 and 高风险: who accepts (受理) does not approve (审核), and finance review (复核) is a third person. */
    public boolean requiresSeparationOfDuties() {
        return this == HIGHER || this == HIGH;
    }

    /** @throws IllegalArgumentException for a label not in the template's scale */
    public static RiskLevel ofLabel(String label) {
        for (RiskLevel level : values()) {
            if (level.label.equals(label)) {
                return level;
            }
        }
        throw new IllegalArgumentException("未知的风险等级：" + label);
    }
}
