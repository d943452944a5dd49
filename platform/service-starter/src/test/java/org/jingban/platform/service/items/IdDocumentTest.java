package org.jingban.platform.service.items;

import static org.assertj.core.api.Assertions.assertThat;

import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.web.problem.Violations;
import org.junit.jupiter.api.Test;

/**
 * 有效身份证件 as seed 001 (甘肃省清单) row 2 lists them: "有效身份证件包括身份证、居住证、户口簿、护照、港澳居民来往内地通行证、
 * 港澳台居民居住证、外国人永久居留证等（下同）". A 居住证 carries its holder's 公民身份号码, so its number is checked like one.
 */
class IdDocumentTest {

    @Test
    void a_residence_permit_is_a_valid_identity_document_whose_number_is_the_citizen_number() {
        String number = TestIdentities.randomIdNumber(1990);
        Violations ok = new Violations();
        new IdDocument("居住证", number).validate(ok, "证件类型及号码");
        assertThat(ok.list()).isEmpty();
        assertThat(new IdDocument("居住证", number).isResidentId()).isTrue();

        Violations bad = new Violations();
        new IdDocument("居住证", number.substring(0, 17) + (number.charAt(17) == '0' ? '1' : '0')).validate(bad, "证件类型及号码");
        assertThat(bad.list()).extracting(v -> v.field()).containsExactly("证件类型及号码.证件号码");

        Violations unknown = new Violations();
        new IdDocument("驾驶证", "X1").validate(unknown, "证件类型及号码");
        assertThat(unknown.list()).extracting(v -> v.code()).containsExactly("unknown-id-type");
    }

    @Test
    void a_number_without_its_type_is_a_violation_not_a_crash() {
        Violations v = new Violations();
        IdDocument document = new IdDocument(null, TestIdentities.randomIdNumber(1990));
        document.validate(v, "证件类型及号码");
        assertThat(v.list()).extracting(violation -> violation.field()).containsExactly("证件类型及号码.证件类型");
        assertThat(document.isResidentId()).isFalse();
    }
}
