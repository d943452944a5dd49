package org.jingban.designation.agreement;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jingban.platform.identifiers.Masking;
import org.jingban.platform.identifiers.MobileNumber;
import org.jingban.platform.identifiers.ResidentIdNumber;
import org.jingban.platform.web.problem.Violations;

/**
 * 姓名、身份证号、联系方式 of a person 表14/表15 name (法定代表人, 主要负责人, 实际控制人). Personal data: {@link #toString()}
 * and {@link #masked()} never show the 身份证号 or the phone whole.
 */
public record Contact(@JsonProperty("姓名") String name, @JsonProperty("身份证号") String idNumber,
                     @JsonProperty("联系方式") String phone) {

    /** Every part required and well-formed; problems reported as {@code field.姓名} etc. */
    public void validate(Violations v, String field) {
        v.require(field + ".姓名", name).require(field + ".身份证号", idNumber).require(field + ".联系方式", phone);
        if (idNumber != null && !idNumber.isBlank()) {
            ResidentIdNumber.check(idNumber).ifPresent(p -> v.add(field + ".身份证号", p.code(), p.message()));
        }
        if (phone != null && !phone.isBlank() && !phone.matches("0\\d{2,3}-?\\d{7,8}")) {
            MobileNumber.check(phone).ifPresent(p -> v.add(field + ".联系方式", p.code(), p.message()));
        }
    }

    /** Whether any part was given (an empty object counts as missing). */
    public boolean present() {
        return !(blank(name) && blank(idNumber) && blank(phone));
    }

    public Contact masked() {
        return new Contact(name, Masking.idNumber(idNumber),
                phone == null ? null : phone.startsWith("0") ? phone : Masking.mobile(phone));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "Contact[" + Masking.name(name) + "]";
    }
}
