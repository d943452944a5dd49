package org.jingban.enrollment.employer;

import java.util.List;

import org.jingban.enrollment.shared.ChangeRecord;
import org.jingban.platform.identifiers.Masking;

/** A unit as the API shows it; the legal representative's ID number and bank account are masked. */
public record UnitView(String unitId, String uscc, String formerUscc, String name, String nature, String address,
                       String legalRepresentative, String legalRepresentativeId, String bankAccount,
                       List<String> insuranceTypes, String enrolledOn, String regionCode, String status,
                       String statusLabel, String registrationCaseNumber, List<ChangeRecord> changes) {

    public static UnitView of(Employer e) {
        var rep = e.getLegalRepresentative();
        return new UnitView(e.getId(), e.getUscc(), e.getFormerUscc(), e.getName(), e.getNature(), e.getAddress(),
                rep == null ? null : rep.name(),
                rep == null || rep.id() == null ? null : Masking.idNumber(rep.id().number()),
                e.getBankAccount() == null ? null : Masking.bankAccount(e.getBankAccount().number()),
                e.getInsuranceTypes(), e.getEnrolledOn(), e.getRegionCode(), e.getStatus().name(), e.getStatus().label(),
                e.getRegistrationCaseNumber(),
                e.getChanges().stream().map(c -> c.field().contains("证件") || c.field().contains("开户银行")
                        ? new ChangeRecord(c.itemCode(), c.caseNumber(), c.field(), Masking.maskText(c.before()),
                        Masking.maskText(c.after()), c.key(), c.at()) : c).toList());
    }
}
