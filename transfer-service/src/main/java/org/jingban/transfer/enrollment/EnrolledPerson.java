package org.jingban.transfer.enrollment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import org.jingban.enrollment.api.AccountEvents;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.platform.messaging.AggregateDocument;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * This service's read model of a person's enrollment (参保记录): insurances with periods and months, and the
 * personal-account balance, kept from enrollment-service's events. The id is enrollment's person id (= account id).
 */
@Document("enrolled_persons")
public class EnrolledPerson extends AggregateDocument {

    @Indexed
    private String idNumber;
    private String name;
    private List<PersonEvents.InsuranceView> insurances = new ArrayList<>();
    /** yuan, as enrollment's balanceAfter of the newest entry */
    private String balance = "0.00";
    private long balanceSequence;
    private String accountRegionCode;
    /** 缴费所属期 (yyyy-MM) of the contributions credited to the account, by the pool they were paid in. */
    private Map<String, Set<String>> paidMonths = new HashMap<>();
    private Instant updatedAt;

    public static EnrolledPerson of(String personId) {
        EnrolledPerson p = new EnrolledPerson();
        p.id = personId;
        return p;
    }

    /** Person events carry the whole person: the newest replaces what was known (events of one person are ordered). */
    public EnrolledPerson apply(PersonEvents.Person person, Instant at) {
        if (person.idNumber() != null) {
            idNumber = person.idNumber();
        }
        if (person.name() != null) {
            name = person.name();
        }
        insurances = person.insurances() == null ? List.of() : List.copyOf(person.insurances());
        updatedAt = at;
        return this;
    }

    /** Account entries carry their sequence: an older one (redelivered late) does not move the balance back. */
    public EnrolledPerson apply(AccountEvents.Posted posted, Instant at) {
        // a contribution's reference is its 缴费所属期 (yyyyMM): the months actually paid, whatever the order of arrival
        if ("CONTRIBUTION".equals(posted.kind()) && posted.reference() != null && posted.reference().matches("\\d{6}")
                && posted.regionCode() != null) {
            paidMonths.computeIfAbsent(posted.regionCode(), r -> new HashSet<>())
                    .add(posted.reference().substring(0, 4) + "-" + posted.reference().substring(4));
        }
        if (posted.sequence() > balanceSequence) {
            balanceSequence = posted.sequence();
            balance = posted.balanceAfter();
            accountRegionCode = posted.regionCode();
        }
        updatedAt = at;
        return this;
    }

    public Optional<PersonEvents.InsuranceView> insurance(String type, String regionCode) {
        return insurances.stream().filter(i -> i.insuranceType().equals(type) && i.regionCode().equals(regionCode))
                .findFirst();
    }

    public List<PersonEvents.InsuranceView> insurancesIn(String regionCode) {
        return insurances.stream().filter(i -> regionCode.equals(i.regionCode())).toList();
    }

    public String getIdNumber() { return idNumber; }
    public String getName() { return name; }
    public List<PersonEvents.InsuranceView> getInsurances() { return List.copyOf(insurances); }
    public String getBalance() { return balance; }
    public long getBalanceSequence() { return balanceSequence; }
    public String getAccountRegionCode() { return accountRegionCode; }

    /** The months (yyyy-MM) contributions were credited for in the pool. */
    public Set<String> paidMonthsIn(String regionCode) {
        return paidMonths == null ? Set.of() : Set.copyOf(paidMonths.getOrDefault(regionCode, Set.of()));
    }
}
