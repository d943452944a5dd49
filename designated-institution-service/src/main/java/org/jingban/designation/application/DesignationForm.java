package org.jingban.designation.application;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jingban.designation.agreement.Agreement;
import org.jingban.platform.service.items.BankAccount;
import org.jingban.designation.agreement.Contact;
import org.jingban.designation.agreement.InstitutionKind;
import org.jingban.designation.agreement.Scopes;
import org.jingban.platform.identifiers.Divisions;
import org.jingban.platform.identifiers.MobileNumber;
import org.jingban.platform.identifiers.UnifiedSocialCreditCode;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.platform.web.problem.Violations;

/** What 表14 (医疗机构) and 表15 (零售药店) have in common, as the rest of the service reads them. */
public interface DesignationForm extends ItemForm {

    InstitutionKind kind();

    String institutionName();

    String creditCode();

    String registeredAddress();

    /** 执业地址行政区划 / 营业地址行政区划: the 6-digit code of the practice address. */
    String divisionCode();

    /** 医疗机构等级 (一级, 二级, 三级, 未定级); null for a pharmacy. */
    String level();

    Contact legalRepresentative();

    Contact principal();

    Contact controller();

    BankAccount bankAccount();

    /** 诊疗科目 / 经营范围. */
    String practiceScope();

    String contactName();

    String contactPhone();

    /** 申请协议范围 as labels (门诊, 住院 …); empty: the kind's usual scope is negotiated. */
    List<String> requestedScope();

    /** 许可证 (执业许可证 / 药品经营许可证) 有效期截止日期, parsed; null when missing or malformed (reported by validate). */
    LocalDate licenceValidUntil();

    /** The institution's data as an agreement holds it. */
    default Agreement.Institution institution() {
        return new Agreement.Institution(institutionName(), creditCode(), registeredAddress(), divisionCode(), level(),
                legalRepresentative(), principal(), controller(), bankAccount(), practiceScope(), contactName(),
                contactPhone());
    }

    /** The scope values asked for, or the kind's usual one. */
    default Set<String> scopeValues() {
        Set<String> values = new LinkedHashSet<>();
        for (String label : requestedScope()) {
            Scopes.value(label).ifPresent(values::add);
        }
        return values;
    }

    // ------------------------------------------------------------------ shared checks

    static void checkCommon(Violations v, DesignationForm f, String nameField, String divisionField, String phoneField) {
        if (present(f.creditCode())) {
            UnifiedSocialCreditCode.check(f.creditCode()).ifPresent(p -> v.add("统一社会信用代码", p.code(), p.message()));
        }
        if (present(f.divisionCode())) {
            v.check(f.divisionCode().matches("\\d{6}") && Divisions.isKnownRegionCode(f.divisionCode()),
                    divisionField, "unknown-region", divisionField + "应为6位行政区划代码");
        }
        if (present(f.contactPhone())) {
            MobileNumber.check(f.contactPhone()).ifPresent(p -> v.add(phoneField, p.code(), p.message()));
        }
        if (present(f.institutionName())) {
            v.check(f.institutionName().length() <= 100, nameField, "too-long", nameField + "不超过100字");
        }
        Scopes.check(v, "申请协议范围", "申请协议范围", f.kind(), f.requestedScope());
    }

    static LocalDate date(Violations v, String field, String text) {
        if (!present(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            v.add(field, "invalid-date", field + "应为yyyy-MM-dd格式的日期");
            return null;
        }
    }

    static Long count(Violations v, String field, String text) {
        if (!present(text)) {
            return null;
        }
        try {
            long n = Long.parseLong(text.trim());
            v.check(n >= 0, field, "negative", field + "不能为负数");
            return n;
        } catch (NumberFormatException e) {
            v.add(field, "invalid-number", field + "应为整数");
            return null;
        }
    }

    static java.math.BigDecimal decimal(Violations v, String field, String text) {
        if (!present(text)) {
            return null;
        }
        try {
            java.math.BigDecimal d = new java.math.BigDecimal(text.trim());
            v.check(d.signum() > 0, field, "not-positive", field + "应大于0");
            return d;
        } catch (NumberFormatException e) {
            v.add(field, "invalid-number", field + "应为数字（平方米）");
            return null;
        }
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    static LocalDate parsedOrNull(String text) {
        try {
            return present(text) ? LocalDate.parse(text.trim()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
