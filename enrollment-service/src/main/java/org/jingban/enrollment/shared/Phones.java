package org.jingban.enrollment.shared;

import org.jingban.platform.identifiers.MobileNumber;
import org.jingban.platform.web.problem.Violations;

/** 联系电话: a mobile number, or a fixed line such as 0935-2116032. */
public final class Phones {

    private Phones() {
    }

    public static boolean isValid(String phone) {
        return phone != null && (MobileNumber.isValid(phone) || phone.matches("0\\d{2,3}-?\\d{7,8}"));
    }

    public static void check(Violations v, String field, String phone) {
        if (phone != null && !phone.isBlank()) {
            v.check(isValid(phone), field, "invalid-phone", "联系电话应为11位手机号码或带区号的固定电话");
        }
    }
}
