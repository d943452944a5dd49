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

    /** One 参保记录: 险种, 统筹区, 人员类别 (在职职工 / 灵活就业人员 / 退休人员 / 城乡居民), status (ACTIVE …). */
    public record Coverage(String insuranceType, String regionCode, String category, String status, String statusLabel) {

        public boolean active() {
            return "ACTIVE".equals(status);
        }
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
