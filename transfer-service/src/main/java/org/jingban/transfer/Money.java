package org.jingban.transfer;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Yuan amounts as strings with two decimals, and in Chinese capitals (大写) as printed on 表8 and 表10. */
public final class Money {

    private static final String[] DIGITS = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
    private static final String[] UNITS = {"", "拾", "佰", "仟"};
    private static final String[] GROUPS = {"", "万", "亿", "万亿"};

    private Money() {
    }

    public static BigDecimal parse(String yuan) {
        return new BigDecimal(yuan == null || yuan.isBlank() ? "0" : yuan).setScale(2, RoundingMode.UNNECESSARY);
    }

    public static String format(BigDecimal yuan) {
        return yuan.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** 1234.50 → 壹仟贰佰叁拾肆元伍角整; 0 → 零元整. */
    public static String capitals(String yuan) {
        long fen = parse(yuan).movePointRight(2).longValueExact();
        if (fen < 0) {
            throw new IllegalArgumentException("negative amount");
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
}
