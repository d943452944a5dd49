package org.jingban.platform.benefits;

import java.math.BigDecimal;

/** A ratio (0.80 for 80%) for each institution level (一级, 二级, 三级), e.g. the fund's share. */
public record LevelRatios(BigDecimal primary, BigDecimal secondary, BigDecimal tertiary) {

    public LevelRatios {
        PolicyChecks.ratio("primary", primary);
        PolicyChecks.ratio("secondary", secondary);
        PolicyChecks.ratio("tertiary", tertiary);
    }

    /** The same ratio at every level. */
    public static LevelRatios flat(BigDecimal ratio) {
        return new LevelRatios(ratio, ratio, ratio);
    }

    public BigDecimal of(InstitutionLevel level) {
        return switch (level) {
            case PRIMARY -> primary;
            case SECONDARY -> secondary;
            case TERTIARY -> tertiary;
        };
    }
}
