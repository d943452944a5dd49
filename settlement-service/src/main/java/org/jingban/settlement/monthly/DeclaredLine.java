package org.jingban.settlement.monthly;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One detail line of a monthly declaration (明细: a bill the institution settled directly), as uploaded or taken from
 * its direct-settlement records; one document per line (collection {@code monthly_declared_lines}), so a month of any
 * size is neither held in memory nor in one document. {@code uploadId} tells the upload it came with: a new upload
 * replaces the lines of the earlier one.
 *
 * @param lineNo    the line of the CSV (the header is line 1), or the record's position
 * @param visitType OUTPATIENT, CHRONIC_OUTPATIENT, INPATIENT (as direct settlement) or RETAIL_DRUGS (购药)
 * @param fundFen   基金支付: 统筹基金 + 大病保险 + 医疗救助 of the line
 */
@Document("monthly_declared_lines")
public record DeclaredLine(@Id String id, String caseId, String uploadId, long lineNo, String invoiceNumber,
                           String idNumber, String visitType, LocalDate visitDate, long totalFen, long fundFen) {

    static String id(String caseId, String uploadId, long lineNo) {
        return caseId + ":" + uploadId + ":" + lineNo;
    }
}
