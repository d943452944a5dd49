package org.jingban.notification.channel.live;

/**
 * The exact text of a top-level member's value in a JSON object, as it came over the wire (Alipay signs those bytes,
 * so re-serializing a parsed tree would not verify).
 */
final class JsonSpans {

    private JsonSpans() {
    }

    /** The raw value of top-level member {@code name} of the object {@code json}, or null. */
    static String valueOf(String json, String name) {
        if (json == null) {
            return null;
        }
        int i = skipSpace(json, 0);
        if (i >= json.length() || json.charAt(i) != '{') {
            return null;
        }
        i++;
        while (true) {
            i = skipSpace(json, i);
            if (i >= json.length() || json.charAt(i) == '}') {
                return null;
            }
            if (json.charAt(i) != '"') {
                return null;
            }
            int keyEnd = endOfString(json, i);
            String key = json.substring(i + 1, keyEnd - 1);
            i = skipSpace(json, keyEnd);
            if (i >= json.length() || json.charAt(i) != ':') {
                return null;
            }
            int start = skipSpace(json, i + 1);
            int end = endOfValue(json, start);
            if (end < 0) {
                return null;
            }
            if (key.equals(name)) {
                return json.substring(start, end);
            }
            i = skipSpace(json, end);
            if (i < json.length() && json.charAt(i) == ',') {
                i++;
            }
        }
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Index just after the closing quote of the string starting at {@code i}. */
    private static int endOfString(String s, int i) {
        int j = i + 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '"') {
                return j + 1;
            }
            j++;
        }
        return s.length();
    }

    private static int endOfValue(String s, int i) {
        if (i >= s.length()) {
            return -1;
        }
        char c = s.charAt(i);
        if (c == '"') {
            return endOfString(s, i);
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            int j = i;
            while (j < s.length()) {
                char d = s.charAt(j);
                if (d == '"') {
                    j = endOfString(s, j);
                    continue;
                }
                if (d == '{' || d == '[') {
                    depth++;
                } else if (d == '}' || d == ']') {
                    depth--;
                    if (depth == 0) {
                        return j + 1;
                    }
                }
                j++;
            }
            return -1;
        }
        int j = i;
        while (j < s.length() && ",}] \t\r\n".indexOf(s.charAt(j)) < 0) {
            j++;
        }
        return j;
    }
}
