package org.jingban.enrollment.api;

import java.util.Map;

/** The 险种 as enrollment-service names them in {@code insuranceType} of its events and of the transfer hooks. */
public final class InsuranceTypes {

    public static final String EMPLOYEE_INSURANCE = "职工基本医疗保险";
    public static final String RESIDENT_INSURANCE = "城乡居民基本医疗保险";
    /** The 参保险种 boxes of the forms (表11, 表12: 职工医保 / 城乡居民医保) and the full names, to the full names. */
    private static final Map<String, String> FORM_LABELS = Map.of(
            "职工医保", EMPLOYEE_INSURANCE, EMPLOYEE_INSURANCE, EMPLOYEE_INSURANCE,
            "城乡居民医保", RESIDENT_INSURANCE, RESIDENT_INSURANCE, RESIDENT_INSURANCE);

    /** The 参保险种 a form may name, in the order the forms print them (the API documents' options). */
    public static final java.util.List<String> FORM_OPTIONS = java.util.List.of("职工医保", "城乡居民医保", EMPLOYEE_INSURANCE,
            RESIDENT_INSURANCE);

    private InsuranceTypes() {
    }

    /** 参保险种 as a form ticks it, in enrollment-service's words; null when it is neither. */
    public static String ofFormLabel(String label) {
        return label == null ? null : FORM_LABELS.get(label.trim());
    }
}
