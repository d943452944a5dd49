package org.jingban.designation.agreement;

import org.jingban.platform.service.items.BankAccount;
import java.time.LocalDate;
import java.util.List;

/**
 * An agreement as its institution and staff see it: personal data of the people it names masked (身份证号, phones,
 * bank account), labels for status and scope.
 */
public record AgreementView(String agreementNumber, String institutionCode, String creditCode, String name, String kind,
                            String regionCode, String divisionCode, String level, String address,
                            Contact legalRepresentative, Contact principal, Contact controller, BankAccount bankAccount,
                            String practiceScope, String contactName, String contactPhone, List<String> scope,
                            List<String> scopeLabels, List<String> offsiteSettlement, String status, String statusLabel,
                            LocalDate validFrom, LocalDate validUntil, LocalDate suspendedFrom, LocalDate suspendedUntil,
                            String suspensionReason, LocalDate terminatedOn, String terminationReason, String caseNumber,
                            List<Agreement.Entry> history) {

    public static AgreementView of(Agreement a) {
        Agreement.Institution i = a.getInstitution();
        return new AgreementView(a.getAgreementNumber(), a.getInstitutionCode(), a.getCreditCode(), i.name(),
                a.getKind().label(), a.getRegionCode(), i.divisionCode(), i.level(), i.address(),
                mask(i.legalRepresentative()), mask(i.principal()), mask(i.controller()),
                i.bankAccount() == null ? null : i.bankAccount().masked(), i.practiceScope(), i.contactName(),
                i.contactPhone() == null ? null : org.jingban.platform.identifiers.Masking.mobile(i.contactPhone()),
                a.getScope(), a.getScope().stream().map(Scopes::label).toList(), a.getOffsiteSettlement(),
                a.getStatus().name(), a.getStatus().label(), a.getValidFrom(), a.getValidUntil(), a.getSuspendedFrom(),
                a.getSuspendedUntil(), a.getSuspensionReason(), a.getTerminatedOn(), a.getTerminationReason(),
                a.getCaseNumber(), a.getHistory());
    }

    private static Contact mask(Contact c) {
        return c == null ? null : c.masked();
    }
}
