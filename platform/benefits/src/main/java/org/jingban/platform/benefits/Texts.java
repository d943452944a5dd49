package org.jingban.platform.benefits;

import java.math.BigDecimal;

import org.jingban.platform.money.Money;

/** How the breakdown writes amounts and ratios: {@code 1000.00元}, {@code 80%}, {@code 12.5%}. */
final class Texts {

    private Texts() {
    }

    static String yuan(Money amount) {
        return amount + "元";
    }

    static String number(Money amount) {
        return amount.toString();
    }

    /** 0.80 → 80%, 0.125 → 12.5%. */
    static String percent(BigDecimal ratio) {
        return number(ratio.movePointRight(2)) + "%";
    }

    /** 20 → 20, 2.50 → 2.5 (no trailing zeros, no exponent). */
    static String number(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }
}
