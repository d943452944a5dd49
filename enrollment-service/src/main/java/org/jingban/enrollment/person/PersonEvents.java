package org.jingban.enrollment.person;

import java.time.YearMonth;
import java.util.List;

/** Public events of 参保人员 on {@code jingban.enrollment.events}; subject = person id. */
public final class PersonEvents {

    /** 参保登记 (职工 增加, 灵活就业, 城乡居民). */
    public static final String ENROLLED = "jingban.enrollment.person.enrolled.v1";
    /** 中断/终止/恢复/在职转退休/统筹地区内转移, personal information changes (表5/表6, 电话号码). */
    public static final String CHANGED = "jingban.enrollment.person.changed.v1";
    /** 中止参保 for a transfer out (transfer hook). */
    public static final String TRANSFER_SUSPENDED = "jingban.enrollment.person.transfer-suspended.v1";
    /** The insurance record (periods, months) and the balance released to the transfer (transfer hook). */
    public static final String RECORD_RELEASED = "jingban.enrollment.insurance-record.released.v1";
    /** Transferred-in periods and balance credited (transfer hook). */
    public static final String TRANSFER_IN_CREDITED = "jingban.enrollment.transfer-in.credited.v1";

    private PersonEvents() {
    }

    /** The person as other services need them: insurance types, status, region, category, periods, months. */
    /** @param transferId set on {@code transfer-in.credited}: the transfer whose credit this is; null otherwise */
    public record Person(String personId, String idNumber, String name, String what, String regionCode,
                         List<InsuranceView> insurances, String transferId) {

        static Person of(InsuredPerson p, String what, String regionCode, YearMonth now) {
            return of(p, what, regionCode, now, null);
        }

        static Person of(InsuredPerson p, String what, String regionCode, YearMonth now, String transferId) {
            return new Person(p.getId(), p.getIdNumber(), p.getName(), what, regionCode,
                    p.getInsurances().stream().map(i -> InsuranceView.of(i, now)).toList(), transferId);
        }
    }

    public record InsuranceView(String insuranceType, String regionCode, String unitId, String unitName,
                                String category, String status, String statusLabel, List<Period> periods,
                                long contributionMonths) {

        public static InsuranceView of(Insurance i, YearMonth now) {
            return new InsuranceView(i.getInsuranceType(), i.getRegionCode(), i.getUnitId(), i.getUnitName(),
                    i.getCategory(), i.getStatus().name(), i.getStatus().label(), i.getPeriods(), i.contributionMonths(now));
        }
    }
}
