package org.jingban.enrollment.person;

import java.time.YearMonth;
import java.util.List;

import org.jingban.enrollment.api.PersonEvents;

/**
 * Builds the data of the person events (enrollment-service-api's {@link PersonEvents}) from the register, and reads
 * the periods of a transfer-in back into it: the api module holds the records, this service the mapping, so that the
 * contract never sees the domain.
 */
public final class PersonEventMapper {

    private PersonEventMapper() {
    }

    static PersonEvents.Person person(InsuredPerson p, String what, String regionCode, YearMonth now) {
        return person(p, what, regionCode, now, null);
    }

    static PersonEvents.Person person(InsuredPerson p, String what, String regionCode, YearMonth now, String transferId) {
        return new PersonEvents.Person(p.getId(), p.getIdNumber(), p.getName(), what, regionCode,
                p.getInsurances().stream().map(i -> insurance(i, now)).toList(), transferId, p.getPhone());
    }

    /** The insurance with its months up to {@code now} (also the insurances of the 参保信息查询 answers). */
    public static PersonEvents.InsuranceView insurance(Insurance i, YearMonth now) {
        return new PersonEvents.InsuranceView(i.getInsuranceType(), i.getRegionCode(), i.getUnitId(), i.getUnitName(),
                i.getCategory() == null ? null : i.getCategory().label(), i.getStatus().name(), i.getStatus().label(), periods(i.getPeriods()),
                i.contributionMonths(now));
    }

    public static List<PersonEvents.Period> periods(List<Period> periods) {
        return periods.stream().map(p -> new PersonEvents.Period(p.from(), p.to(), p.regionCode(), p.unitId(),
                p.category(), p.source())).toList();
    }

    /** The periods of a credit command as the register keeps them (it marks them 转入 when it adds them); none for null. */
    public static List<Period> fromEvents(List<PersonEvents.Period> periods) {
        return periods == null ? List.of() : periods.stream().map(p -> new Period(p.from(), p.to(), p.regionCode(),
                p.unitId(), p.category(), p.source())).toList();
    }
}
