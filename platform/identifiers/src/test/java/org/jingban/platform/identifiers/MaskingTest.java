package org.jingban.platform.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void an_id_number_keeps_its_first_three_and_last_four_characters() {
        assertThat(Masking.idNumber("62010219900101123X")).isEqualTo("620***********123X");
    }

    @Test
    void a_mobile_keeps_its_first_three_and_last_four_digits() {
        assertThat(Masking.mobile("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void a_bank_account_keeps_its_first_four_and_last_four_digits() {
        assertThat(Masking.bankAccount("6222021234567890123")).isEqualTo("6222***********0123");
        assertThat(Masking.bankAccount("6222 0212 3456 7890")).isEqualTo("6222********7890");
    }

    @Test
    void a_name_keeps_the_family_name() {
        assertThat(Masking.name("张三丰")).isEqualTo("张**");
        assertThat(Masking.name("李四")).isEqualTo("李*");
        assertThat(Masking.name("𠀾明")).isEqualTo("𠀾*");
    }

    @Test
    void values_too_short_to_mask_by_their_ends_are_fully_starred() {
        assertThat(Masking.mobile("1381234")).isEqualTo("*******");
        assertThat(Masking.idNumber(null)).isNull();
    }

    @Test
    void a_log_line_holding_several_kinds_is_masked_throughout() {
        // given
        String line = "申请人 idNumber=62010219900101123X phone:13812345678 account 6222021234567890123;"
                + " GET /persons/62010219900101123x?mobile=13912345678 {\"bank\":\"6222 0212 3456 7890\"}";

        // when
        String masked = Masking.maskText(line);

        // then
        assertThat(masked).isEqualTo("申请人 idNumber=620***********123X phone:138****5678 account 6222***********0123;"
                + " GET /persons/620***********123x?mobile=139****5678 {\"bank\":\"6222********7890\"}");
    }

    @Test
    void short_numbers_and_parts_of_longer_numbers_are_left_alone() {
        // 子项编码 (12 digits) and epoch millis (13 digits) stay readable
        assertThat(Masking.maskText("item 622036001001 at 1763800000000 took 5 days, order 42, code 730030"))
                .isEqualTo("item 622036001001 at 1763800000000 took 5 days, order 42, code 730030");
        // an old 15-digit ID number is masked as a digit run
        assertThat(Masking.maskText("old id 620102900101123")).isEqualTo("old id 6201*******1123");
        assertThat(Masking.maskText("no personal data here")).isEqualTo("no personal data here");
    }
}
