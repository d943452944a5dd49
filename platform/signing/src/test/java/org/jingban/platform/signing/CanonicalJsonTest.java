package org.jingban.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The bytes a seal covers: anyone rebuilds them from the JSON they hold, whatever order its keys came in. */
class CanonicalJsonTest {

    static String canonical(Object value) {
        return new String(CanonicalJson.bytes(value), StandardCharsets.UTF_8);
    }

    @Test
    void keys_are_sorted_at_every_level_without_whitespace() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("小写", "2345.67");
        inner.put("大写", "贰仟叁佰肆拾伍元陆角柒分");
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("z", List.of(3, Map.of("b", true, "a", false)));
        document.put("a", inner);
        document.put("m", null);
        document.put("n", 72L);
        assertThat(canonical(document))
                .isEqualTo("{\"a\":{\"大写\":\"贰仟叁佰肆拾伍元陆角柒分\",\"小写\":\"2345.67\"},\"m\":null,\"n\":72,"
                        + "\"z\":[3,{\"a\":false,\"b\":true}]}");
        // the same document with its keys in another order: the same bytes
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("n", 72);
        reordered.put("m", null);
        reordered.put("z", Arrays.asList(3, Map.of("a", false, "b", true)));
        reordered.put("a", Map.of("大写", "贰仟叁佰肆拾伍元陆角柒分", "小写", "2345.67"));
        assertThat(CanonicalJson.bytes(reordered)).isEqualTo(CanonicalJson.bytes(document));
    }

    @Test
    void strings_are_escaped_minimally_and_other_values_are_their_strings() {
        assertThat(canonical(Map.of("s", "引号\"反斜杠\\换行\n制表\t\u0001")))
                .isEqualTo("{\"s\":\"引号\\\"反斜杠\\\\换行\\n制表\\t\\u0001\"}");
        assertThat(canonical(Map.of("date", java.time.LocalDate.of(2026, 7, 13)))).isEqualTo("{\"date\":\"2026-07-13\"}");
    }

    @Test
    void decimal_numbers_are_refused_money_travels_as_strings() {
        assertThatThrownBy(() -> CanonicalJson.bytes(Map.of("amount", new BigDecimal("1.50"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.bytes(List.of(1.5d))).isInstanceOf(IllegalArgumentException.class);
    }
}
