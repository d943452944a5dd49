package org.jingban.platform.identifiers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 脱敏: masks personal data for display and logs. Every method accepts any string (null gives null) and
 * never throws, so it can be used on the logging path.
 */
public final class Masking {

    /*
     * One alternation, tried left to right at each position, so an 18-character ID number wins over the
     * bank-account digit run it also is, and masked output is never scanned twice. (?<!\d) / (?!\d) keep
     * each match a whole digit run: part of a longer number is not an ID or a phone.
     */
    private static final Pattern SENSITIVE = Pattern.compile(
            "(?<![0-9])(?<id>[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx])(?![0-9])"
                    + "|(?<![0-9])(?<grouped>[0-9]{4}(?:[ -][0-9]{4}){2,3}(?:[ -][0-9]{1,3})?)(?![0-9])"
                    + "|(?<![0-9])(?<account>[0-9]{15,19})(?![0-9])"
                    + "|(?<![0-9])(?<mobile>1[3-9][0-9]{9})(?![0-9])");

    private Masking() {
    }

    /** 620102199001011234 → 620***********1234: the first 3 and last 4 characters stay. */
    public static String idNumber(String value) {
        return keepEnds(value, 3, 4);
    }

    /** 13812345678 → 138****5678. */
    public static String mobile(String value) {
        return keepEnds(value, 3, 4);
    }

    /** 6222021234567890123 → 6222***********0123: the first 4 and last 4 digits stay. */
    public static String bankAccount(String value) {
        return value == null ? null : keepEnds(BankAccountNumber.normalise(value), 4, 4);
    }

    /** 张三丰 → 张**, 张三 → 张*: the family name stays (counted in code points, for rare characters). */
    public static String name(String value) {
        if (value == null) {
            return null;
        }
        String name = value.strip();
        int length = name.codePointCount(0, name.length());
        if (length <= 1) {
            return "*".repeat(length);
        }
        int firstEnd = name.offsetByCodePoints(0, 1);
        return name.substring(0, firstEnd) + "*".repeat(length - 1);
    }

    /**
     * Masks every ID number, mobile number and bank-account-like digit run found in free text (log lines,
     * URLs, JSON): 15–19 digits in a row (bank cards, old 15-digit ID numbers), or 4-digit groups separated
     * by blanks or hyphens. Runs of 12–14 digits are left alone on purpose: they are mostly 子项编码
     * (622036001001) and epoch-millisecond timestamps, which logs must keep readable; the accounts of that
     * length are 对公账户 of 单位, not personal data. Any other 15–19-digit number is masked too: better a
     * masked order number than a leaked card.
     */
    public static String maskText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = SENSITIVE.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String replacement;
            if (m.group("id") != null) {
                replacement = idNumber(m.group("id"));
            } else if (m.group("mobile") != null) {
                replacement = mobile(m.group("mobile"));
            } else if (m.group("grouped") != null) {
                replacement = bankAccount(m.group("grouped"));
            } else {
                replacement = bankAccount(m.group("account"));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    private static String keepEnds(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        if (value.length() <= head + tail) {
            // Too short to show both ends without revealing most of it.
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }
}
