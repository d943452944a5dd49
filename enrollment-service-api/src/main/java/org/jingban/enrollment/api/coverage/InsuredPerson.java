package org.jingban.enrollment.api.coverage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who is insured where, in which scheme and category, as enrollment-service last said (read model of its person
 * events, keyed by 证件号码). The 参保地 of a filing is the region of the person's active coverage.
 */
@Document("insured_persons")
public record InsuredPerson(@Id String idNumber, String personId, String name, List<Coverage> coverages,
                            Instant updatedAt) {

    /**
     * One 参保记录: 险种, 统筹区, 人员类别 (在职职工 / 灵活就业人员 / 退休人员 / 城乡居民), status (ACTIVE …) and its 参保缴费期间
     * (yyyy-MM months, {@code to} null while running; empty in records read before the periods were kept).
     */
    public record Coverage(String insuranceType, String regionCode, String category, String status, String statusLabel,
                           List<org.jingban.enrollment.api.PersonEvents.Period> periods) {

        public Coverage {
            periods = periods == null ? List.of() : List.copyOf(periods);
        }

        public Coverage(String insuranceType, String regionCode, String category, String status, String statusLabel) {
            this(insuranceType, regionCode, category, status, statusLabel, List.of());
        }

        public boolean active() {
            return "ACTIVE".equals(status);
        }

        /**
         * Whether it covered {@code day}: a 参保缴费期间 holds the day's month. A record without periods (read before they
         * were kept) answers by its status now, as before.
         */
        public boolean coversDay(java.time.LocalDate day) {
            if (periods.isEmpty()) {
                return active();
            }
            java.time.YearMonth month = java.time.YearMonth.from(day);
            return periods.stream().anyMatch(p -> p.from() != null && !month.isBefore(java.time.YearMonth.parse(p.from()))
                    && (p.to() == null || !month.isAfter(java.time.YearMonth.parse(p.to()))));
        }
    }

    /**
     * The basic medical insurance that paid for a visit on {@code day}: the 职工基本医疗保险 whose 参保缴费期间 held that
     * day, else the 城乡居民基本医疗保险's (a person whose coverage ended since is still covered for the days it ran; one
     * not yet begun is not).
     */
    public Optional<Coverage> basicCoverageOn(java.time.LocalDate day) {
        return coverages.stream().filter(c -> c.insuranceType().equals(org.jingban.enrollment.api.InsuranceTypes.EMPLOYEE_INSURANCE)
                        && c.coversDay(day)).findFirst()
                .or(() -> coverages.stream().filter(c -> c.insuranceType().equals(
                        org.jingban.enrollment.api.InsuranceTypes.RESIDENT_INSURANCE) && c.coversDay(day)).findFirst());
    }

    /**
     * The basic medical insurance that pays a bill today: the active 职工基本医疗保险, else the active 城乡居民基本医疗保险
     * (the one rule of reimbursement and settlement).
     */
    public Optional<Coverage> activeBasicCoverage() {
        return coverage(org.jingban.enrollment.api.InsuranceTypes.EMPLOYEE_INSURANCE).filter(Coverage::active)
                .or(() -> coverage(org.jingban.enrollment.api.InsuranceTypes.RESIDENT_INSURANCE).filter(Coverage::active));
    }

    /** The coverage of the 险种: the active one if any, else the latest listed. */
    public Optional<Coverage> coverage(String insuranceType) {
        List<Coverage> ofType = coverages.stream().filter(c -> c.insuranceType().equals(insuranceType)).toList();
        return ofType.stream().filter(Coverage::active).findFirst()
                .or(() -> ofType.isEmpty() ? Optional.empty() : Optional.of(ofType.get(ofType.size() - 1)));
    }
}
