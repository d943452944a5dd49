package org.jingban.platform.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactAndAccountNumbersTest {

    @Test
    void mobile_numbers_are_eleven_digits_starting_13_to_19() {
        assertThat(MobileNumber.isValid("13812345678")).isTrue();
        assertThat(MobileNumber.isValid("19912345678")).isTrue();
        assertThat(MobileNumber.check("12812345678")).get()
                .extracting(IdentifierProblem::code).isEqualTo("mobile.format");
        assertThat(MobileNumber.isValid("1381234567")).isFalse();
        assertThat(MobileNumber.isValid("138123456789")).isFalse();
    }

    @Test
    void bank_accounts_are_12_to_19_digits_and_need_not_pass_luhn() {
        // given a corporate account number that fails the Luhn check
        String corporate = "270101040011111";
        assertThat(BankAccountNumber.passesLuhn(corporate)).isFalse();

        // then it is still a valid account number
        assertThat(BankAccountNumber.isValid(corporate)).isTrue();
        assertThat(BankAccountNumber.isValid("6222 0212 3456 7890 128")).isTrue();
        assertThat(BankAccountNumber.check("12345678901")).get()
                .extracting(IdentifierProblem::code).isEqualTo("bank-account.format");
        assertThat(BankAccountNumber.isValid("12345678901234567890")).isFalse();
    }

    @Test
    void luhn_is_offered_as_a_hint_for_card_numbers() {
        // 4111 1111 1111 1111 is the classic Luhn-valid test card number
        assertThat(BankAccountNumber.passesLuhn("4111111111111111")).isTrue();
        assertThat(BankAccountNumber.passesLuhn("4111111111111112")).isFalse();
    }

    @Test
    void postal_codes_are_six_digits() {
        assertThat(PostalCode.isValid("730030")).isTrue();
        assertThat(PostalCode.check("73003")).get()
                .extracting(IdentifierProblem::message).isEqualTo("邮政编码应为6位数字");
        assertThat(PostalCode.isValid("73003A")).isFalse();
    }

    @Test
    void a_contact_phone_is_a_mobile_or_a_fixed_line_with_its_area_code() {
        assertThat(PhoneNumber.isValid("13912345678")).isTrue();
        assertThat(PhoneNumber.isValid("0935-2116032")).isTrue();
        assertThat(PhoneNumber.isValid("09352116032")).isTrue();
        assertThat(PhoneNumber.check("12345")).get().extracting(IdentifierProblem::code).isEqualTo("invalid-phone");
        assertThat(PhoneNumber.check(" ")).get().extracting(IdentifierProblem::code).isEqualTo("phone.blank");
    }
}
