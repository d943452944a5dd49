package org.jingban.platform.service.items;

import java.time.LocalDate;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.platform.identifiers.Masking;
import org.jingban.platform.identifiers.ResidentIdNumber;
import org.jingban.platform.web.problem.Violations;

/** 证件类型及号码, as the forms ask for it: {@code {"证件类型": "居民身份证", "证件号码": "…"}}; printed masked. */
public record IdDocument(@JsonProperty("证件类型") String type, @JsonProperty("证件号码") String number) {

    public static final String RESIDENT_ID = "居民身份证";
    /**
     * The 有效身份证件 the Gansu checklist names — seed 001 row 2: "有效身份证件包括身份证、居住证、户口簿、护照、港澳居民来往
     * 内地通行证、港澳台居民居住证、外国人永久居留证等（下同）".
     */
    public static final Set<String> TYPES = Set.of(RESIDENT_ID, "居住证", "户口簿", "港澳台居民居住证", "港澳居民来往内地通行证",
            "台湾居民来往大陆通行证", "护照", "外国人永久居留身份证");
    /** Documents that carry the holder's 公民身份号码 (GB 11643), checked as such: 身份证, 户口簿, 居住证. */
    private static final Set<String> CITIZEN_NUMBER = Set.of(RESIDENT_ID, "户口簿", "居住证");

    public static IdDocument residentId(String number) {
        return new IdDocument(RESIDENT_ID, number);
    }

    /** Required-ness is checked by the caller with the catalog's field name; this checks type and number. */
    public void validate(Violations v, String field) {
        v.require(field + ".证件类型", type).require(field + ".证件号码", number);
        if (type != null && !type.isBlank()) {
            v.check(TYPES.contains(type), field + ".证件类型", "unknown-id-type", "证件类型应为" + String.join("、", TYPES.stream().sorted().toList()) + "之一");
        }
        if (number != null && !number.isBlank() && type != null && CITIZEN_NUMBER.contains(type)) {
            ResidentIdNumber.check(number).ifPresent(p -> v.add(field + ".证件号码", p.code(), p.message()));
        }
    }

    /**
     * A 证件号码 sent on its own (a query, a lookup), with its type when not a 居民身份证: the problems named at
     * {@code numberField} (and {@code typeField} for an unknown type), checked before anything is looked up.
     */
    public static void validateNumber(Violations v, String typeField, String type, String numberField, String number) {
        String t = type == null || type.isBlank() ? RESIDENT_ID : type;
        if (!TYPES.contains(t)) {
            v.add(typeField, "unknown-id-type", "证件类型应为" + String.join("、", TYPES.stream().sorted().toList()) + "之一");
        } else if (number != null && !number.isBlank() && CITIZEN_NUMBER.contains(t)) {
            ResidentIdNumber.check(number).ifPresent(p -> v.add(numberField, p.code(), p.message()));
        }
    }

    /** Whether the number is a 居民身份证号码 that checks out (birth date and gender can then be read from it). */
    @com.fasterxml.jackson.annotation.JsonIgnore // derived: not a field of the form (nor of its API document)
    public boolean isResidentId() {
        return number != null && type != null && CITIZEN_NUMBER.contains(type) && ResidentIdNumber.isValid(number);
    }

    public LocalDate birthDate() {
        return ResidentIdNumber.of(number).birthDate();
    }

    public String gender() {
        return ResidentIdNumber.of(number).gender().label();
    }

    /** For the catalog's required-field check: present only when both parts are. */
    public Object present() {
        return type == null || type.isBlank() || number == null || number.isBlank() ? null : this;
    }

    @Override
    public String toString() {
        return "IdDocument[" + type + ", " + Masking.idNumber(number) + "]";
    }
}
