package org.jingban.enrollment.person;

import java.time.YearMonth;
import java.util.List;

import org.jingban.enrollment.account.EntryView;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.enrollment.shared.ChangeRecord;
import org.jingban.platform.identifiers.Masking;

/**
 * 参保人员参保信息查询 (622036002002): insurance periods, types, contribution months, account balance and history.
 * 证件号码 and phone are masked.
 */
public record PersonView(String personId, String idNumber, String name, String gender, String birthDate, String phone,
                         List<PersonEvents.InsuranceView> insurances, long contributionMonths, Account account,
                         List<ChangeRecord> changes) {

    /** The personal account part: balance and entries (null for a person without an account). */
    public record Account(String accountId, String balance, String status, List<EntryView> entries) {
    }

    public static PersonView of(InsuredPerson p, YearMonth now, Account account) {
        List<PersonEvents.InsuranceView> insurances = p.getInsurances().stream()
                .map(i -> PersonEventMapper.insurance(i, now)).toList();
        return new PersonView(p.getId(), Masking.idNumber(p.getIdNumber()), p.getName(), p.getGender(), p.getBirthDate(),
                p.getPhone() == null ? null : Masking.mobile(p.getPhone()), insurances,
                insurances.stream().mapToLong(PersonEvents.InsuranceView::contributionMonths).sum(), account,
                p.getChanges().stream().map(c -> c.field().contains("证件") || c.field().contains("电话")
                        ? new ChangeRecord(c.itemCode(), c.caseNumber(), c.field(), Masking.maskText(c.before()),
                        Masking.maskText(c.after()), c.key(), c.at()) : c).toList());
    }
}
