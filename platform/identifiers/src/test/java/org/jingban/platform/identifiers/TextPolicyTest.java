package org.jingban.platform.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The text policy: names as people and organisations carry them, nothing that hides or reorders what is read. */
class TextPolicyTest {

    @Test
    void the_field_name_says_which_rule_applies() {
        assertThat(TextPolicy.kindOf("姓名")).isEqualTo(TextPolicy.Kind.PERSON_NAME);
        assertThat(TextPolicy.kindOf("法定代表人/负责人姓名")).isEqualTo(TextPolicy.Kind.PERSON_NAME);
        assertThat(TextPolicy.kindOf("参保单位名称")).isEqualTo(TextPolicy.Kind.ORGANISATION_NAME);
        assertThat(TextPolicy.kindOf("医疗机构名称")).isEqualTo(TextPolicy.Kind.ORGANISATION_NAME);
        assertThat(TextPolicy.kindOf("项目名称")).isEqualTo(TextPolicy.Kind.TEXT);
        assertThat(TextPolicy.kindOf("申请病种名称")).isEqualTo(TextPolicy.Kind.TEXT);
    }

    @Test
    void person_names_are_chinese_characters_rare_ones_included_the_middle_dot_and_latin_letters() {
        for (String ok : new String[] {"张三", "𠮷野家", "买买提·艾力", "John Smith", "欧阳娜娜", "𪚥"}) {
            assertThat(TextPolicy.check(TextPolicy.Kind.PERSON_NAME, TextPolicy.normalise(ok))).as(ok).isEmpty();
        }
        for (String bad : new String[] {"张三1", "张\u0000三", "张\u0007三", "\u202E三张", "张三😀", "<script>张三</script>",
                "张 三", " John", "John  Smith", "·"}) {
            assertThat(TextPolicy.check(TextPolicy.Kind.PERSON_NAME, bad)).as(bad).isPresent();
        }
    }

    @Test
    void organisation_names_allow_digits_and_brackets_but_no_markup_or_emoji() {
        assertThat(TextPolicy.check(TextPolicy.Kind.ORGANISATION_NAME, "武威市第一人民医院（凉州分院）2号楼")).isEmpty();
        assertThat(TextPolicy.check(TextPolicy.Kind.ORGANISATION_NAME, "<b>某公司</b>")).isPresent();
        assertThat(TextPolicy.check(TextPolicy.Kind.ORGANISATION_NAME, "某公司🏥")).isPresent();
    }

    @Test
    void free_text_keeps_line_breaks_but_no_control_or_bidi_characters() {
        assertThat(TextPolicy.check(TextPolicy.Kind.TEXT, "第一行\n第二行\t缩进")).isEmpty();
        assertThat(TextPolicy.check(TextPolicy.Kind.TEXT, "备注\u0000")).get().extracting(IdentifierProblem::code)
                .isEqualTo("text.control-character");
        assertThat(TextPolicy.check(TextPolicy.Kind.TEXT, "备注\u2066")).get().extracting(IdentifierProblem::code)
                .isEqualTo("text.bidi-control");
    }

    @Test
    void everything_is_nfc_normalised() {
        // e + combining acute (NFD) becomes é (NFC)
        assertThat(TextPolicy.normalise("Jose\u0301")).isEqualTo("José");
    }
}
