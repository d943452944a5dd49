package org.jingban.reimbursement.maternity;

import java.util.List;

import org.jingban.platform.benefits.YearToDate;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.money.Money;
import org.jingban.platform.service.items.CaseReaction;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.reimbursement.claim.Bills;
import org.jingban.reimbursement.claim.Claims;
import org.jingban.reimbursement.claim.InvoiceRegister;
import org.jingban.reimbursement.payment.PaymentOrder;
import org.jingban.reimbursement.payment.PaymentOrders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * 拨付 of 主项七: the amount is the region's standard as at 申请 (deterministic from the form), paid once per case
 * through {@link PaymentOrders} — to the applicant, or in Songpan the allowance to the unit that claimed it. The
 * invoices are spent for good when the order is made.
 */
@Component
public class MaternityPayments {

    private final PaymentOrders orders;
    private final InvoiceRegister invoices;
    private final MaternityAmounts amounts;

    public MaternityPayments(PaymentOrders orders, InvoiceRegister invoices, MaternityAmounts amounts) {
        this.orders = orders;
        this.invoices = invoices;
        this.amounts = amounts;
    }

    @CaseReaction(item = {"622036007001", "622036007002", "622036007003", "622036007004"},
            on = CaseEvents.STAGE_COMPLETED, stage = Claims.PAYMENT)
    public Mono<PaymentOrder> pay(Case c) {
        MaternityKind kind = MaternityKind.ofItem(c.getItemCode()).orElseThrow();
        MaternityForm form = ItemSubmissions.form(c, MaternityForm.class);
        String claimId = (String) c.getForm().get(InvoiceRegister.CLAIM_ID);
        Money amount = amounts.amount(kind, form, c.getRegionCode()).orElseThrow(() ->
                new IllegalStateException("办件 " + c.getCaseNumber() + " 无生育保险支付标准"));
        String rule = kind.paysBill() ? "生育保险支付标准" : "生育津贴";
        String text = kind.paysBill() ? kind.label() + "按参保地支付标准核定" + amount + "元（甲类、乙类费用，限额内）"
                : "单位上年度职工月平均工资" + form.unitAverageWage() + "元÷天数×" + amounts.days(form) + "天＝" + amount + "元";
        String holder = form.bankAccount().holder() != null ? form.bankAccount().holder()
                : Boolean.TRUE.equals(c.getForm().get(MaternityClaims.UNIT_CLAIMS)) ? form.insuredUnit().name() : form.name();
        List<String> numbers = kind.paysBill() ? Bills.invoiceNumbers(form.invoices()) : List.of();
        return orders.place(new PaymentOrder.Terms(c.getId(), c.getCaseNumber(), c.getItemCode(), claimId,
                        form.id().number(), c.getRegionCode(), form.day().getYear(), form.bankAccount().normalisedNumber(),
                        form.bankAccount().bank(), holder, amount, amount, Money.ZERO, Money.ZERO,
                        List.of(new PaymentOrder.Line(rule, text, amount.toString())), numbers, YearToDate.ZERO))
                .flatMap(order -> invoices.markPaid(claimId).then(orders.send(order)));
    }
}
