package org.jingban.settlement.monthly;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jingban.platform.cases.Case;
import org.jingban.platform.money.Money;

/**
 * A monthly declaration as the institution and the staff see it: the case's state, the declared summary, the
 * reconciliation report (对账) with the audit's 拒付/扣除 lines, the 结算单据 and the payment. Amounts are yuan strings;
 * 证件号码 are masked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeclarationView(String caseId, String caseNumber, String itemCode, String status, String statusLabel,
                              String currentStage, String institutionCode, String institutionName, String month,
                              String details, Summary summary, Reconciliation reconciliation, Statement statement,
                              Payment payment) {

    public record Summary(long count, String total, String fund) {
    }

    public record Reconciliation(long declaredLines, String declaredTotal, String declaredFund, long settledRecords,
                                 long matched, long missing, long extra, long mismatched, long duplicates,
                                 String matchedFund, String refused, boolean summaryMatches,
                                 List<String> summaryProblems, List<MonthlyDeclaration.ReportLine> missingLines,
                                 List<MonthlyDeclaration.ReportLine> extraLines,
                                 List<MonthlyDeclaration.ReportLine> mismatchedLines,
                                 List<MonthlyDeclaration.ReportLine> duplicateLines,
                                 List<MonthlyDeclaration.Deduction> deductions, boolean truncated) {
    }

    /** 结算单据: 申报基金支付 (the matching lines), 拒付/扣除, 应拨付金额 (and in capitals); {@code issued} once 审核 is done. */
    public record Statement(String declaredFund, String refused, String amountToPay, String amountInCapitals,
                            boolean issued) {
    }

    public record Payment(String status, String amount, String bankReference, String rejection) {
    }

    static DeclarationView of(Case c, MonthlyDeclaration d) {
        return of(c, d, null);
    }

    static DeclarationView of(Case c, MonthlyDeclaration d, InstitutionPaymentOrder o) {
        MonthlyDeclaration.Report r = d.getReport();
        MonthlyDeclaration.Summary s = d.getSummary();
        Reconciliation rec = r == null ? null : new Reconciliation(r.declaredLines(), Money.format(r.declaredTotalFen()),
                Money.format(r.declaredFundFen()), r.settledRecords(), r.matched(), r.missing(), r.extra(),
                r.mismatched(), r.duplicates(), Money.format(r.matchedFundFen()), Money.format(r.refusedFen()),
                r.summaryMatches(), r.summaryProblems(), r.missingLines(), r.extraLines(), r.mismatchedLines(),
                r.duplicateLines(), r.deductions(), r.truncated());
        Statement statement = r == null ? null : new Statement(Money.format(r.matchedFundFen()), Money.format(r.refusedFen()),
                Money.format(d.amountToPayFen()), Money.ofFen(d.amountToPayFen()).capitals(), d.getStatementIssuedAt() != null);
        Payment payment = o == null ? null : new Payment(o.getStatus().name(), Money.format(o.getAmountFen()),
                o.getBankReference(), o.getRejection());
        return new DeclarationView(c.getId(), c.getCaseNumber(), c.getItemCode(), c.getStatus().name(),
                c.getStatus().label(), c.getStatus().finished() ? null : c.currentStageName(), d.getInstitutionCode(),
                d.getInstitutionName(), d.getMonth(), d.getUploadId() == null ? null
                : d.isFromRecords() ? DeclarationForm.FROM_RECORDS : DeclarationForm.UPLOADED,
                s == null ? null : new Summary(s.count(), Money.format(s.totalFen()), Money.format(s.fundFen())),
                rec, statement, payment);
    }
}
