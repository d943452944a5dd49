package org.jingban.enrollment.api;

/** The 险种 as enrollment-service names them in {@code insuranceType} of its events and of the transfer hooks. */
public final class InsuranceTypes {

    public static final String EMPLOYEE_INSURANCE = "职工基本医疗保险";
    public static final String RESIDENT_INSURANCE = "城乡居民基本医疗保险";

    private InsuranceTypes() {
    }
}
