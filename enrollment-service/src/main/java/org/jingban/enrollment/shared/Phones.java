package org.jingban.enrollment.shared;

import org.jingban.platform.identifiers.PhoneNumber;
import org.jingban.platform.web.problem.Violations;

/** 联系电话: a mobile number, or a fixed line such as 0935-2116032 ({@link PhoneNumber}). */
public final class Phones {

    private Phones() {
    }

    public static boolean isValid(String phone) {
        return phone != null && PhoneNumber.isValid(phone);
    }

    public static void check(Violations v, String field, String phone) {
        if (phone != null && !phone.isBlank()) {
            v.check(isValid(phone), field, "invalid-phone", "联系电话应为11位手机号码或带区号的固定电话");
        }
    }
}
