package org.jingban.platform.web.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TextPolicyModuleTest {

    record Agent(String 姓名, String 证件号码) {
    }

    record Form(String 单位名称, Agent 被委托人, List<String> 材料) {
    }

    private final JsonMapper mapper = TextPolicyModule.apply(JsonMapper.builder()).build();

    private static final String BODY = """
            {"单位名称": "武威<i>某</i>公司", "被委托人": {"姓名": "李\\u0007四", "证件号码": "x"},
             "材料": ["身份证", "委托书\\u202E"]}""";

    @Test
    void collecting_read_names_every_refused_value_by_its_path() {
        List<UnsafeTextException.Refusal> refusals = new ArrayList<>();
        Form form = mapper.readerFor(Form.class).withAttribute(TextCheckingJsonDecoder.REFUSALS, refusals).readValue(BODY);

        assertThat(form.材料()).hasSize(2);
        assertThat(refusals).extracting(UnsafeTextException.Refusal::field)
                .containsExactly("单位名称", "被委托人.姓名", "材料[1]");
        assertThat(refusals).extracting(r -> r.problem().code()).doesNotContainNull();
    }

    @Test
    void a_plain_read_fails_at_the_first_refused_value() {
        assertThatThrownBy(() -> mapper.readValue(BODY, Form.class))
                .isInstanceOfSatisfying(UnsafeTextException.class, e -> assertThat(e.refusals())
                        .extracting(UnsafeTextException.Refusal::field).containsExactly("单位名称"));
    }

    @Test
    void acceptable_text_is_normalised_to_nfc() {
        Map<?, ?> read = mapper.readValue("{\"备注\": \"e\\u0301\"}", Map.class);
        assertThat(read.get("备注")).isEqualTo("\u00e9");
    }
}
