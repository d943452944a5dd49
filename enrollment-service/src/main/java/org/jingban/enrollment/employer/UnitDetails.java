package org.jingban.enrollment.employer;

import java.util.List;

import org.jingban.platform.service.items.BankAccount;

/** What 表1 registers of a unit (besides its 统一社会信用代码): the register's own terms, not the form's. */
public record UnitDetails(String formerUscc, String name, String nature, String address,
                          LegalRepresentative legalRepresentative, BankAccount bankAccount, List<String> insuranceTypes,
                          String enrolledOn, String regionCode, Agent agent) {

    public UnitDetails {
        insuranceTypes = insuranceTypes == null ? List.of() : List.copyOf(insuranceTypes);
    }
}
