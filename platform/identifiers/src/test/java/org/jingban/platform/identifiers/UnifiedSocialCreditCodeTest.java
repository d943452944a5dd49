package org.jingban.platform.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedSocialCreditCodeTest {

    @Test
    void published_codes_pass() {
        // 91350100M000100Y43 (福州, the GB 32100 worked example), 11620600MB1585792W (武威市 机关)
        assertThat(UnifiedSocialCreditCode.check("91350100M000100Y43")).isEmpty();
        assertThat(UnifiedSocialCreditCode.check("11620600MB1585792W")).isEmpty();
        assertThat(UnifiedSocialCreditCode.of("11620600mb1585792w").divisionCode()).isEqualTo("620600");
    }

    @Test
    void the_check_character_follows_the_weights_modulo_31() {
        // 9·1+1·3+3·9+5·27+0·19+1·26+0·16+0·17+M(21)·20+0·29+0·25+0·13+1·8+0·24+0·10+Y(30)·30+4·28
        // = 9+3+27+135+26+420+8+900+112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3
        assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    }

    @Test
    void a_wrong_check_character_is_refused() {
        assertThat(UnifiedSocialCreditCode.check("91350100M000100Y44"))
                .hasValue(new IdentifierProblem("uscc.check-digit", "统一社会信用代码校验位错误"));
    }

    @Test
    void letters_outside_the_31_character_alphabet_are_refused() {
        assertThat(UnifiedSocialCreditCode.check("91350100I000100Y43")).get()
                .extracting(IdentifierProblem::code).isEqualTo("uscc.format");
    }

    @Test
    void the_division_code_must_be_six_digits() {
        String first17 = "9135A100M000100Y4";
        String code = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        assertThat(UnifiedSocialCreditCode.check(code)).get()
                .extracting(IdentifierProblem::code).isEqualTo("uscc.division");
    }

    @Test
    void a_code_of_the_wrong_length_is_refused() {
        assertThat(UnifiedSocialCreditCode.check("91350100M000100Y4")).get()
                .extracting(IdentifierProblem::code).isEqualTo("uscc.length");
    }
}
