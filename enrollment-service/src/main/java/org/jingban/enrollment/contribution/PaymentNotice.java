package org.jingban.enrollment.contribution;

import java.time.Instant;
import java.util.List;

import org.jingban.platform.messaging.AggregateDocument;
import org.jingban.platform.messaging.OutboxEvent;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 缴费通知单 / 核定应缴纳的医保费数额 (id = case id): what a payer owes, issued once when the item's case completes,
 * published for the collecting side ({@value #ISSUED}). Payment itself arrives later as contribution postings.
 */
@Document("payment_notices")
public class PaymentNotice extends AggregateDocument {

    public static final String ISSUED = "jingban.enrollment.payment-notice.issued.v1";

    /** One line: whose contribution, on which base, for how many months, how much. */
    public record Line(String idNumber, String name, String base, int months, String rate, String amount) {
    }

    private String itemCode;
    private String caseNumber;
    private String payer;
    private String regionCode;
    private String kind;
    private List<Line> lines;
    private String total;
    private Instant issuedAt;

    PaymentNotice() {
    }

    /** Event data (证件号码 masked: the collecting side looks the payer up by case). */
    public record Issued(String noticeId, String caseNumber, String itemCode, String payer, String regionCode, String kind,
                         String total, int lines) {
    }

    static PaymentNotice issue(String caseId, String itemCode, String caseNumber, String payer, String regionCode,
                               String kind, List<Line> lines, String total, Instant at) {
        PaymentNotice n = new PaymentNotice();
        n.id = caseId;
        n.itemCode = itemCode;
        n.caseNumber = caseNumber;
        n.payer = payer;
        n.regionCode = regionCode;
        n.kind = kind;
        n.lines = List.copyOf(lines);
        n.total = total;
        n.issuedAt = at;
        n.enqueue(OutboxEvent.of(ISSUED, caseId, regionCode, new Issued(caseId, caseNumber, itemCode, payer, regionCode,
                kind, total, lines.size())));
        return n;
    }

    public String getItemCode() { return itemCode; }
    public String getCaseNumber() { return caseNumber; }
    public String getPayer() { return payer; }
    public String getRegionCode() { return regionCode; }
    public String getKind() { return kind; }
    public List<Line> getLines() { return lines; }
    public String getTotal() { return total; }
    public Instant getIssuedAt() { return issuedAt; }
}
