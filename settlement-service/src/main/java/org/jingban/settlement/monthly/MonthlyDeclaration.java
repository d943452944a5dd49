package org.jingban.settlement.monthly;

import java.time.Instant;
import java.util.List;

import org.jingban.platform.messaging.AggregateDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The settlement side of one monthly declaration's case (its id is the case's): the institution, the month, the
 * declared 月度汇总对账表, where the details are (the current upload), the reconciliation report with the audit's
 * 拒付/扣除 lines, and the 结算单据 fixed when 审核 is completed.
 */
@Document("monthly_declarations")
public class MonthlyDeclaration extends AggregateDocument {

    /** The declared 医药费用月度汇总电子对账表, in fen. */
    public record Summary(long count, long totalFen, long fundFen) {
    }

    /** One line of the report: a declared line (lineNo) and/or a direct settlement (settlementId), what differs. */
    public record ReportLine(Long lineNo, String invoiceNumber, String idNumber, String visitDate, String declaredTotal,
                             String declaredFund, String settledTotal, String settledFund, String settlementId,
                             String note) {
    }

    /** One 拒付/扣除 line of the audit: the rule that applied and the amount refused. */
    public record Deduction(Long lineNo, String invoiceNumber, String idNumber, String visitDate, String rule,
                            String message, String amount) {
    }

    /**
     * The reconciliation (对账) and audit (审核) of the month: counts and sums always complete, each list naming at most
     * {@code jingban.settlement.monthly.max-reported-lines} lines ({@code truncated} says whether any was left out).
     */
    public record Report(long declaredLines, long declaredTotalFen, long declaredFundFen, long settledRecords,
                         long matched, long missing, long extra, long mismatched, long duplicates,
                         long matchedFundFen, long refusedFen, long payableFen, boolean summaryMatches,
                         List<String> summaryProblems, List<ReportLine> missingLines, List<ReportLine> extraLines,
                         List<ReportLine> mismatchedLines, List<ReportLine> duplicateLines,
                         List<Deduction> deductions, boolean truncated, Instant reconciledAt) {
    }

    private String caseNumber;
    private String itemCode;
    private String regionCode;
    private String institutionCode;
    private String institutionName;
    private String month;
    private boolean fromRecords;
    private Summary summary;
    private String uploadId;
    private Report report;
    private Instant statementIssuedAt;
    private long statementAmountFen;

    protected MonthlyDeclaration() {
    }

    static MonthlyDeclaration of(String caseId, String caseNumber, String itemCode, String regionCode,
                                 String institutionCode, String institutionName, String month, boolean fromRecords,
                                 Summary summary) {
        MonthlyDeclaration d = new MonthlyDeclaration();
        d.id = caseId;
        d.caseNumber = caseNumber;
        d.itemCode = itemCode;
        d.regionCode = regionCode;
        d.institutionCode = institutionCode;
        d.institutionName = institutionName;
        d.month = month;
        d.fromRecords = fromRecords;
        d.summary = summary;
        return d;
    }

    /** New details: the lines of {@code uploadId} with their report (and, when given, a corrected summary). */
    void details(String uploadId, boolean fromRecords, Summary corrected, Report report) {
        if (statementIssuedAt != null) {
            throw new IllegalStateException("the statement is issued; the details are final");
        }
        this.uploadId = uploadId;
        this.fromRecords = fromRecords;
        if (corrected != null) {
            this.summary = corrected;
        }
        this.report = report;
    }

    /** Whether the details are in and add up to the declared summary (the case may go on). */
    public boolean ready() {
        return uploadId != null && report != null && report.summaryMatches();
    }

    /** 结算单据: the amount to pay is fixed (审核 completed); false if it was already. */
    boolean issueStatement(Instant at) {
        if (statementIssuedAt != null) {
            return false;
        }
        statementIssuedAt = at;
        statementAmountFen = report == null ? 0 : report.payableFen();
        return true;
    }

    /** What 拨付 pays: the statement's amount, or (not issued yet) the report's. */
    public long amountToPayFen() {
        return statementIssuedAt != null ? statementAmountFen : report == null ? 0 : report.payableFen();
    }

    public String getCaseNumber() { return caseNumber; }
    public String getItemCode() { return itemCode; }
    public String getRegionCode() { return regionCode; }
    public String getInstitutionCode() { return institutionCode; }
    public String getInstitutionName() { return institutionName; }
    public String getMonth() { return month; }
    public boolean isFromRecords() { return fromRecords; }
    public Summary getSummary() { return summary; }
    public String getUploadId() { return uploadId; }
    public Report getReport() { return report; }
    public Instant getStatementIssuedAt() { return statementIssuedAt; }
    public long getStatementAmountFen() { return statementAmountFen; }
}
