package org.jingban.enrollment.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts in yuan with 2 decimals at the edges (JSON strings such as {@code "1234.50"}), whole fen inside:
 * the ledger stores {@code long} fen so that sums are exact and the store needs no decimal type.
 */
public final class Money {

    private Money() {
    }

    /** {@code "12.30"} → 1230; null when the text is not an amount with at most two decimals. */
    public static Long parseFen(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(yuan.trim());
            if (value.scale() > 2) {
                return null;
            }
            return value.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** A share of an amount, rounded HALF_UP to the fen. */
    public static long share(long fen, BigDecimal ratio) {
        return BigDecimal.valueOf(fen).multiply(ratio).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** 1230 → {@code "12.30"}. */
    public static String format(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
