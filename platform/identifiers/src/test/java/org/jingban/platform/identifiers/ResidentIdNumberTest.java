package org.jingban.platform.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    /** Appends the check character computed independently of the production code (MOD 11-2 from its definition). */
    static String withCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int weight = (int) (Math.pow(2, 17 - i) % 11);
            sum += (first17.charAt(i) - '0') * weight;
        }
        // a1 = (12 - (Σ mod 11)) mod 11, with 10 written as X
        int a1 = (12 - sum % 11) % 11;
        return first17 + (a1 == 10 ? "X" : String.valueOf(a1));
    }

    @Test
    void a_number_with_a_correct_check_digit_is_valid_and_tells_birth_date_gender_and_region() {
        // given 甘肃省兰州市城关区 620102, born 1990-01-01, sequence 123 (3 is odd: male)
        String id = withCheckCharacter("62010219900101123");

        // when
        ResidentIdNumber number = ResidentIdNumber.of(id, TODAY);

        // then
        assertThat(ResidentIdNumber.check(id, TODAY)).isEmpty();
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(number.gender()).isEqualTo(Gender.MALE);
        assertThat(number.regionPrefix()).isEqualTo("620102");
        assertThat(number.provinceCode()).isEqualTo("620000");
    }

    @Test
    void an_even_seventeenth_digit_means_female() {
        assertThat(ResidentIdNumber.of(withCheckCharacter("51322419850615002"), TODAY).gender())
                .isEqualTo(Gender.FEMALE);
    }

    @Test
    void a_lower_case_x_check_character_is_accepted_and_normalised_to_upper_case() {
        // given a sequence code whose check character is X
        String id = null;
        for (int seq = 100; id == null; seq++) {
            String candidate = withCheckCharacter("62060219800512" + seq);
            if (candidate.endsWith("X")) {
                id = candidate;
            }
        }

        // when
        ResidentIdNumber number = ResidentIdNumber.of(id.toLowerCase(), TODAY);

        // then
        assertThat(number.value()).isEqualTo(id).endsWith("X");
    }

    @Test
    void a_wrong_check_digit_is_refused() {
        String id = withCheckCharacter("62010219900101123");
        char wrong = id.charAt(17) == '0' ? '1' : '0';

        assertThat(ResidentIdNumber.check(id.substring(0, 17) + wrong, TODAY))
                .hasValue(new IdentifierProblem("id-number.check-digit", "公民身份号码校验位错误"));
    }

    @Test
    void the_thirtieth_of_february_is_not_a_birth_date() {
        assertThat(ResidentIdNumber.check(withCheckCharacter("62010219900230123"), TODAY))
                .get().extracting(IdentifierProblem::code).isEqualTo("id-number.birth-date");
    }

    @Test
    void a_birth_date_after_today_is_refused() {
        assertThat(ResidentIdNumber.check(withCheckCharacter("62010220261123123"), TODAY))
                .get().extracting(IdentifierProblem::code).isEqualTo("id-number.birth-date-future");
        // born today is fine
        assertThat(ResidentIdNumber.check(withCheckCharacter("62010220261122123"), TODAY)).isEmpty();
    }

    @Test
    void a_birth_date_before_1900_is_refused() {
        assertThat(ResidentIdNumber.check(withCheckCharacter("62010218991231123"), TODAY))
                .get().extracting(IdentifierProblem::code).isEqualTo("id-number.birth-date");
    }

    @Test
    void an_unknown_province_99_is_refused() {
        assertThat(ResidentIdNumber.check(withCheckCharacter("99010219900101123"), TODAY))
                .get().extracting(IdentifierProblem::code).isEqualTo("id-number.region");
    }

    @Test
    void an_old_county_code_no_longer_in_todays_table_stays_valid() {
        // given 622421 (定西地区定西县, abolished 2003) is not a current division
        assertThat(Divisions.isKnownRegionCode("622421")).isFalse();

        // then a number issued with it is still valid: only the province 62 is checked
        assertThat(ResidentIdNumber.check(withCheckCharacter("62242119700301005"), TODAY)).isEmpty();
    }

    @Test
    void hong_kong_macao_and_taiwan_residence_permits_are_accepted() {
        assertThat(ResidentIdNumber.check(withCheckCharacter("81000019900101123"), TODAY)).isEmpty();
        assertThat(ResidentIdNumber.check(withCheckCharacter("83000019900101123"), TODAY)).isEmpty();
    }

    @Test
    void wrong_length_and_letters_are_refused_with_their_own_codes() {
        assertThat(ResidentIdNumber.check("6201021990010112", TODAY)).get()
                .extracting(IdentifierProblem::code).isEqualTo("id-number.length");
        assertThat(ResidentIdNumber.check("62010219900101A23X", TODAY)).get()
                .extracting(IdentifierProblem::code).isEqualTo("id-number.format");
        assertThat(ResidentIdNumber.check("  ", TODAY)).get()
                .extracting(IdentifierProblem::code).isEqualTo("id-number.blank");
        assertThat(ResidentIdNumber.check(null, TODAY)).get()
                .extracting(IdentifierProblem::code).isEqualTo("id-number.blank");
    }

    @Test
    void of_refuses_an_invalid_number_with_the_chinese_message_and_to_string_is_masked() {
        assertThatThrownBy(() -> ResidentIdNumber.of("62010219900101123", TODAY))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("公民身份号码应为18位");

        String id = withCheckCharacter("62010219900101123");
        assertThat(ResidentIdNumber.of(id, TODAY)).hasToString("620***********" + id.substring(14));
    }
}
