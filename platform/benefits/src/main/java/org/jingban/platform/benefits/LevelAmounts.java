package org.jingban.platform.benefits;

import org.jingban.platform.money.Money;

/** An amount for each institution level (一级, 二级, 三级), e.g. the inpatient deductible. */
public record LevelAmounts(Money primary, Money secondary, Money tertiary) {

    public LevelAmounts {
        PolicyChecks.amount("primary", primary);
        PolicyChecks.amount("secondary", secondary);
        PolicyChecks.amount("tertiary", tertiary);
    }

    /** The same amount at every level. */
    public static LevelAmounts flat(Money amount) {
        return new LevelAmounts(amount, amount, amount);
    }

    public Money of(InstitutionLevel level) {
        return switch (level) {
            case PRIMARY -> primary;
            case SECONDARY -> secondary;
            case TERTIARY -> tertiary;
        };
    }
}
