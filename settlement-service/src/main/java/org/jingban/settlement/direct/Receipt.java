package org.jingban.settlement.direct;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jingban.platform.benefits.Place;
import org.jingban.platform.benefits.VisitType;
import org.jingban.platform.identifiers.Masking;
import org.jingban.platform.money.Money;

/**
 * 结算单 as the institution prints it: amounts as yuan strings — {@code total} 医疗费用总额, {@code excluded} 丙类及自费,
 * {@code selfPayFirst} 乙类先行自付, {@code eligible} 政策范围内费用, {@code deductible} 起付线, {@code fund} 统筹基金支付,
 * {@code criticalIllness} 大病保险, {@code assistance} 医疗救助, {@code personalAccount} 个人账户支付, {@code cash} 个人现金支付;
 * {@code lines} are the calculator's steps (规则, 说明, 金额). The 证件号码 is masked.
 */
public record Receipt(String settlementId, String status, String statusLabel, String itemCode, String matter,
                      String institutionCode, String invoiceNumber, String idNumber, String name, String visitType,
                      String visitTypeLabel, String place, String placeLabel, LocalDate visitDate, int policyYear,
                      String total, String excluded, String selfPayFirst, String eligible, String deductible, String fund,
                      String criticalIllness, String assistance, String personalAccount, String cash, String reimbursed,
                      List<Settlement.Step> lines, String accountUse, String accountNote, String refundNote,
                      Instant settledAt, Instant reversedAt) {

    static final String PRE_SETTLEMENT = "PRE_SETTLEMENT";

    public static Receipt of(Settlement s) {
        return of(s, s.getStatus().name(), s.getStatus().label());
    }

    /** 预结算: the figures of a settlement not stored (no id). */
    public static Receipt preview(Settlement s) {
        Receipt r = of(s, PRE_SETTLEMENT, "预结算（未结算）");
        return new Receipt(null, r.status, r.statusLabel, r.itemCode, r.matter, r.institutionCode, r.invoiceNumber,
                r.idNumber, r.name, r.visitType, r.visitTypeLabel, r.place, r.placeLabel, r.visitDate, r.policyYear,
                r.total, r.excluded, r.selfPayFirst, r.eligible, r.deductible, r.fund, r.criticalIllness, r.assistance,
                r.personalAccount, r.cash, r.reimbursed, r.lines, null, null, null, null, null);
    }

    private static Receipt of(Settlement s, String status, String label) {
        VisitType visit = VisitType.valueOf(s.getVisitApplied() == null ? s.getVisitType() : s.getVisitApplied());
        Place place = Place.valueOf(s.getPlace());
        return new Receipt(s.getId(), status, label, s.getItemCode(), s.getMatter(), s.getInstitutionCode(),
                s.getInvoiceNumber(), Masking.idNumber(s.getIdNumber()), s.getPersonName(), visit.name(), visit.label(),
                place.name(), place.label(), s.getVisitDate(), s.getPolicyYear(), Money.format(s.getTotalFen()),
                Money.format(s.getExcludedFen()), Money.format(s.getSelfPayFirstFen()), Money.format(s.getEligibleFen()),
                Money.format(s.getDeductibleFen()), Money.format(s.getFundFen()), Money.format(s.getCriticalIllnessFen()),
                Money.format(s.getAssistanceFen()), Money.format(s.getPersonalAccountFen()), Money.format(s.getCashFen()),
                Money.format(s.getFundFen() + s.getCriticalIllnessFen() + s.getAssistanceFen()), s.getBreakdown(),
                s.getAccountUse() == null ? null : s.getAccountUse().name(), s.getAccountNote(), s.getRefundNote(),
                s.getSettledAt(), s.getReversedAt());
    }
}
