package org.jingban.enrollment.employer;

/** A unit's insured employee as 参保单位参保信息查询 lists them (证件号码 masked). */
public record StaffMember(String personId, String name, String idNumber, String category, String status,
                          String statusLabel, long contributionMonths) {
}
