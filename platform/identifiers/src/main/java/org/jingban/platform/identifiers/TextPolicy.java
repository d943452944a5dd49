package org.jingban.platform.identifiers;

import java.text.Normalizer;
import java.util.Optional;
import java.util.Set;

/**
 * The one text policy of every value a caller sends (issue "Input hygiene"): everything is NFC-normalised; no text
 * carries control characters (line breaks and tabs excepted) or bidirectional controls (which reorder what a clerk
 * reads); and a name is a name:
 * <ul>
 *   <li><b>a person's name</b> (a field named 姓名 or …姓名): Chinese characters, the rare ones outside the Basic
 *       Multilingual Plane included (生僻字, e.g. 𠮷), the middle dot of minority and foreign names (·, U+00B7), Latin
 *       letters for foreign names, single spaces between Latin words — nothing else (no digits, emoji or markup);</li>
 *   <li><b>an organisation's name</b> (…单位名称, …机构名称, …药店名称, …医院名称): Chinese characters, Latin letters,
 *       digits, spaces, the middle dot and （）()、-—&amp;. — nothing else.</li>
 * </ul>
 * Which rule a value meets is decided by the catalog's field name, so that one place serves every form.
 */
public final class TextPolicy {

    /** What a field's name says its value is. */
    public enum Kind { PERSON_NAME, ORGANISATION_NAME, TEXT }

    private static final int MIDDLE_DOT = 0x00B7;
    private static final Set<String> ORGANISATION_SUFFIXES = Set.of("单位名称", "机构名称", "药店名称", "医院名称");
    private static final String ORGANISATION_PUNCTUATION = "（）()、-—&.·";
    private static final int MAX_NAME = 50;
    private static final int MAX_ORGANISATION = 100;

    private TextPolicy() {
    }

    public static Kind kindOf(String fieldName) {
        if (fieldName == null) {
            return Kind.TEXT;
        }
        if (fieldName.endsWith("姓名")) {
            return Kind.PERSON_NAME;
        }
        return ORGANISATION_SUFFIXES.stream().anyMatch(fieldName::endsWith) ? Kind.ORGANISATION_NAME : Kind.TEXT;
    }

    public static String normalise(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** The problem of a value (already normalised) for a field of this kind; empty when it is acceptable. */
    public static Optional<IdentifierProblem> check(Kind kind, String text) {
        Optional<IdentifierProblem> unsafe = checkText(text);
        if (unsafe.isPresent() || text == null || text.isBlank()) {
            return unsafe;
        }
        return switch (kind) {
            case PERSON_NAME -> checkPersonName(text);
            case ORGANISATION_NAME -> checkOrganisationName(text);
            case TEXT -> Optional.empty();
        };
    }

    /** No control characters (but line breaks and tabs) and no bidirectional controls. */
    public static Optional<IdentifierProblem> checkText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.getType(cp) == Character.CONTROL && cp != '\n' && cp != '\r' && cp != '\t') {
                return Optional.of(new IdentifierProblem("text.control-character", "不得包含控制字符"));
            }
            if (isBidiControl(cp)) {
                return Optional.of(new IdentifierProblem("text.bidi-control", "不得包含改变文字方向的控制字符"));
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    public static Optional<IdentifierProblem> checkPersonName(String name) {
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            return Optional.of(new IdentifierProblem("name.too-long", "姓名不得超过" + MAX_NAME + "个字"));
        }
        if (!name.equals(name.strip()) || name.contains("  ")) {
            return Optional.of(new IdentifierProblem("name.spaces", "姓名首尾不得有空格，词间只能有一个空格"));
        }
        boolean letter = false;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isHan(cp) || isLatinLetter(cp)) {
                letter = true;
            } else if (cp == ' ') {
                boolean betweenLatin = i > 0 && next < name.length() && isLatinLetter(name.codePointBefore(i))
                        && isLatinLetter(name.codePointAt(next));
                if (!betweenLatin) {
                    return Optional.of(new IdentifierProblem("name.characters", "姓名中的空格只能用于外文姓名的词间"));
                }
            } else if (cp != MIDDLE_DOT) {
                return Optional.of(new IdentifierProblem("name.characters",
                        "姓名只能由汉字（含生僻字）、间隔号“·”和外文字母组成"));
            }
            i = next;
        }
        return letter ? Optional.empty()
                : Optional.of(new IdentifierProblem("name.characters", "姓名只能由汉字（含生僻字）、间隔号“·”和外文字母组成"));
    }

    public static Optional<IdentifierProblem> checkOrganisationName(String name) {
        if (name.codePointCount(0, name.length()) > MAX_ORGANISATION) {
            return Optional.of(new IdentifierProblem("organisation-name.too-long", "名称不得超过" + MAX_ORGANISATION + "个字"));
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            boolean allowed = isHan(cp) || isLatinLetter(cp) || (cp >= '0' && cp <= '9') || cp == ' '
                    || ORGANISATION_PUNCTUATION.indexOf(cp) >= 0;
            if (!allowed) {
                return Optional.of(new IdentifierProblem("organisation-name.characters",
                        "名称只能由汉字、字母、数字、空格及（）()、-—&.·组成"));
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN && Character.isLetter(cp);
    }

    private static boolean isLatinLetter(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN && Character.isLetter(cp);
    }

    private static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }
}
