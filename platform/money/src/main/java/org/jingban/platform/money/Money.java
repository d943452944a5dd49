package org.jingban.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An amount of money (金额) in yuan, exact to the fen: {@code BigDecimal} with scale 2, results of
 * arithmetic rounded HALF_UP to the fen, written in JSON as a string with two decimals
 * ({@code "1234.50"}) so that no floating point ever carries it, and printable in Chinese capitals
 * (大写, {@code 壹仟贰佰叁拾肆元伍角整}) as the forms print it.
 *
 * <p>Stores that keep whole fen as {@code long} (the personal-account ledger, so that sums are exact
 * and need no decimal type) convert with {@link #ofFen} and {@link #fen()}.
 */
public final class Money implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO.setScale(2));

    private static final String[] DIGITS = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
    private static final String[] UNITS = {"", "拾", "佰", "仟"};
    private static final String[] GROUPS = {"", "万", "亿", "万亿"};

    private final BigDecimal yuan;

    private Money(BigDecimal yuan) {
        this.yuan = yuan;
    }

    /**
     * Reads {@code "12.3"} or {@code "12.30"}: an amount with at most two decimals, as entered or sent.
     *
     * @throws IllegalArgumentException if the text is not such an amount (more decimals are refused, not rounded:
     *                                  an applicant's figure is never silently changed)
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Money parse(String yuan) {
        Money money = tryParse(yuan);
        if (money == null) {
            throw new IllegalArgumentException("金额应为最多两位小数的数字：" + yuan);
        }
        return money;
    }

    /** Like {@link #parse}, but null for blank or invalid text (for validators that report every problem). */
    public static Money tryParse(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(yuan.trim());
            if (value.scale() > 2) {
                return null;
            }
            return new Money(value.setScale(2, RoundingMode.UNNECESSARY));
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** An amount computed elsewhere, rounded HALF_UP to the fen. */
    public static Money of(BigDecimal yuan) {
        return new Money(Objects.requireNonNull(yuan, "yuan").setScale(2, RoundingMode.HALF_UP));
    }

    public static Money ofFen(long fen) {
        return new Money(BigDecimal.valueOf(fen, 2));
    }

    /** {@code "12.30"} → 1230; null when the text is not an amount with at most two decimals. */
    public static Long parseFen(String yuan) {
        Money money = tryParse(yuan);
        if (money == null) {
            return null;
        }
        try {
            return money.fen();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** 1230 → {@code "12.30"}. */
    public static String format(long fen) {
        return ofFen(fen).toString();
    }

    /** A share of an amount in fen, rounded HALF_UP to the fen. */
    public static long share(long fen, BigDecimal ratio) {
        return BigDecimal.valueOf(fen).multiply(ratio).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    public BigDecimal yuan() {
        return yuan;
    }

    /** Whole fen. @throws ArithmeticException beyond the range of long */
    public long fen() {
        return yuan.movePointRight(2).longValueExact();
    }

    public Money plus(Money other) {
        return new Money(yuan.add(other.yuan));
    }

    public Money minus(Money other) {
        return new Money(yuan.subtract(other.yuan));
    }

    /** This amount times a ratio (e.g. a reimbursement rate), rounded HALF_UP to the fen. */
    public Money times(BigDecimal ratio) {
        return new Money(yuan.multiply(ratio).setScale(2, RoundingMode.HALF_UP));
    }

    public Money negate() {
        return new Money(yuan.negate());
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public int signum() {
        return yuan.signum();
    }

    public boolean isNegative() {
        return yuan.signum() < 0;
    }

    public boolean isZero() {
        return yuan.signum() == 0;
    }

    /** In Chinese capitals, as 表8 and 表10 print it: 1234.50 → 壹仟贰佰叁拾肆元伍角整; 0 → 零元整; negative → 负…. */
    public String capitals() {
        long fen = fen();
        if (fen < 0) {
            return "负" + ofFen(-fen).capitals();
        }
        long whole = fen / 100;
        int jiao = (int) (fen / 10 % 10);
        int fenDigit = (int) (fen % 10);
        StringBuilder out = new StringBuilder();
        if (whole > 0) {
            out.append(integerPart(whole)).append("元");
        }
        if (jiao == 0 && fenDigit == 0) {
            return (whole == 0 ? "零元" : out.toString()) + "整";
        }
        if (jiao > 0) {
            out.append(DIGITS[jiao]).append("角");
        } else if (whole > 0) {
            out.append("零");
        }
        if (fenDigit > 0) {
            out.append(DIGITS[fenDigit]).append("分");
        } else {
            out.append("整");
        }
        return out.toString();
    }

    private static String integerPart(long value) {
        StringBuilder out = new StringBuilder();
        int group = 0;
        boolean zeroPending = false;
        while (value > 0) {
            int part = (int) (value % 10000);
            value /= 10000;
            if (part > 0) {
                String text = fourDigits(part) + GROUPS[group];
                if (zeroPending && out.length() > 0) {
                    text = text + "零";
                }
                out.insert(0, text);
                zeroPending = part < 1000;
            } else {
                zeroPending = out.length() > 0;
            }
            group++;
        }
        String s = out.toString();
        return s.startsWith("零") ? s.substring(1) : s;
    }

    private static String fourDigits(int part) {
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int i = 3; i >= 0; i--) {
            int d = part / (int) Math.pow(10, i) % 10;
            if (d == 0) {
                zero = out.length() > 0;
            } else {
                if (zero) {
                    out.append("零");
                    zero = false;
                }
                out.append(DIGITS[d]).append(UNITS[i]);
            }
        }
        return out.toString();
    }

    @Override
    public int compareTo(Money other) {
        return yuan.compareTo(other.yuan);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money other && yuan.equals(other.yuan);
    }

    @Override
    public int hashCode() {
        return yuan.hashCode();
    }

    /** {@code "1234.50"}: plain, two decimals (the JSON form). */
    @JsonValue
    @Override
    public String toString() {
        return yuan.toPlainString();
    }
}
