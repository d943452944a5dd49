package org.jingban.reimbursement.claim;

import java.util.Map;

import org.jingban.platform.benefits.Benefit;
import org.jingban.platform.benefits.BenefitCalculator;
import org.jingban.platform.benefits.Claim;
import org.jingban.platform.benefits.Place;
import org.jingban.platform.benefits.Policies;
import org.jingban.platform.benefits.Scheme;
import org.jingban.platform.benefits.YearToDate;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.money.Money;
import org.jingban.platform.service.items.CaseReaction;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.reimbursement.payment.PaymentOrder;
import org.jingban.reimbursement.payment.PaymentOrders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * 拨付 of a manual reimbursement: when the stage is completed, the amount is fixed by the calculator with the person's
 * year-to-date at that moment, the order made once (its id is the case's), the year's accumulations and the invoices'
 * "paid" mark written (each idempotent: a crash anywhere here and the redelivered event carries on from what is
 * stored, with the figures the order recorded), and the order sent to the bank. {@link PaymentOrders} completes the
 * case when the bank confirms, with 报销金额 for the 已完成 message.
 */
@Component
public class ClaimPayments {

    private final PaymentOrders orders;
    private final Accumulations accumulations;
    private final InvoiceRegister invoices;
    private final Policies policies;

    public ClaimPayments(PaymentOrders orders, Accumulations accumulations, InvoiceRegister invoices, Policies policies) {
        this.orders = orders;
        this.accumulations = accumulations;
        this.invoices = invoices;
        this.policies = policies;
    }

    @CaseReaction(item = {"622036006001", "622036006002"}, on = CaseEvents.STAGE_COMPLETED, stage = Claims.PAYMENT)
    public Mono<PaymentOrder> pay(Case c) {
        ClaimForm form = ItemSubmissions.form(c, ClaimForm.class);
        Map<String, Object> values = c.getForm();
        String idNumber = form.id().number();
        int year = ((Number) values.get(Claims.POLICY_YEAR)).intValue();
        String claimId = (String) values.get(Claims.CLAIM_ID);
        return orders.find(c.getId())
                .switchIfEmpty(Mono.defer(() -> accumulations.of(idNumber, year).flatMap(before -> {
                    Scheme scheme = Scheme.valueOf((String) values.get(Claims.SCHEME));
                    Place place = Place.valueOf((String) values.get(Claims.PLACE));
                    boolean entitled = Boolean.TRUE.equals(values.get(Claims.CHRONIC_ENTITLED));
                    Benefit benefit = BenefitCalculator.calculate(claim(form, scheme, c.getRegionCode(), year, place,
                            entitled, before), policies.lookup(c.getRegionCode(), year, scheme));
                    return orders.place(new PaymentOrder.Terms(c.getId(), c.getCaseNumber(), c.getItemCode(), claimId,
                            idNumber, c.getRegionCode(), year, form.bankAccount().normalisedNumber(),
                            form.bankAccount().bank(), form.bankAccount().holder() == null ? form.name()
                            : form.bankAccount().holder(), benefit.reimbursed(), benefit.fund(),
                            benefit.criticalIllness(), benefit.assistance(),
                            benefit.breakdown().stream().map(s -> new PaymentOrder.Line(s.rule(), s.text(),
                                    s.amount().toString())).toList(), form.invoiceNumbers(),
                            Accumulations.used(before, benefit)));
                })))
                .flatMap(order -> accumulations.add(idNumber, year, "claim:" + c.getId(), order.getUsed())
                        .then(invoices.markPaid(claimId))
                        .then(orders.send(order)));
    }

    /** The calculator's claim for the form's bill (no personal account: a manual claim is paid to the bank). */
    static Claim claim(ClaimForm form, Scheme scheme, String region, int year, Place place, boolean chronicEntitled,
                       YearToDate yearToDate) {
        return new Claim(scheme, region, year, form.level(), place, form.visitType(), chronicEntitled, false,
                form.bill(), yearToDate, Money.ZERO);
    }
}
