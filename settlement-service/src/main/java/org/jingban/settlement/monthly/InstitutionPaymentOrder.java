package org.jingban.settlement.monthly;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jingban.platform.money.Money;
import org.jingban.platform.payments.BankOrder;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The 拨付 of one monthly settlement to the institution: one per case (its id is the case's), with the 结算单据's amount
 * and the account named in the declaration; ORDERED → SENT (the bank took it) → CONFIRMED (booked), or REJECTED.
 * platform/payments' {@code BankOrders} ({@link InstitutionPayments}) carries it on from whichever state a crash left.
 */
@Document("institution_payment_orders")
public class InstitutionPaymentOrder extends BankOrder {

    private String itemCode;
    private String institutionCode;
    private String institutionName;
    private String month;

    protected InstitutionPaymentOrder() {
    }

    static InstitutionPaymentOrder order(String caseId, String caseNumber, String itemCode, String institutionCode,
                                         String institutionName, String month, String accountNumber, String bankName,
                                         String holder, long amountFen, Instant at) {
        InstitutionPaymentOrder o = new InstitutionPaymentOrder();
        o.ordered(caseId, caseNumber, accountNumber, bankName, holder, amountFen, at);
        o.itemCode = itemCode;
        o.institutionCode = institutionCode;
        o.institutionName = institutionName;
        o.month = month;
        return o;
    }

    @Override
    protected String remark() {
        return "医保结算款 " + month + " " + caseNumber;
    }

    /** What the 已完成 message names: 金额 (and in capitals), 结算月份, 收款单位, 银行 and the account's last four digits. */
    @Override
    public Map<String, Object> resultDetails() {
        Map<String, Object> d = new LinkedHashMap<>(super.resultDetails());
        d.put("amountInCapitals", Money.ofFen(amountFen).capitals());
        d.put("month", month);
        return d;
    }

    public String getItemCode() { return itemCode; }
    public String getInstitutionCode() { return institutionCode; }
    public String getInstitutionName() { return institutionName; }
    public String getMonth() { return month; }
}
