package org.jingban.reimbursement.assistance;

import java.util.List;

import org.jingban.platform.benefits.YearToDate;
import org.jingban.platform.cases.Case;
import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.CaseEvents;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.money.Money;
import org.jingban.platform.service.items.CaseReaction;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.reimbursement.claim.Accumulations;
import org.jingban.reimbursement.claim.Claims;
import org.jingban.reimbursement.claim.InvoiceRegister;
import org.jingban.reimbursement.payment.PaymentOrder;
import org.jingban.reimbursement.payment.PaymentOrders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * 拨付 of 主项八: the amount fixed with the person's category and year at that moment, paid once per case through
 * {@link PaymentOrders}; a 救助 counts in the person's year (医疗救助 annual cap). A person still not recognised at 拨付
 * is held for 补正 instead of being paid.
 */
@Component
public class AssistancePayments {

    private final AssistanceApplications applications;
    private final AssistanceRecipients recipients;
    private final PaymentOrders orders;
    private final InvoiceRegister invoices;
    private final Accumulations accumulations;
    private final CaseService cases;

    public AssistancePayments(AssistanceApplications applications, AssistanceRecipients recipients, PaymentOrders orders,
                              InvoiceRegister invoices, Accumulations accumulations, CaseService cases) {
        this.applications = applications;
        this.recipients = recipients;
        this.orders = orders;
        this.invoices = invoices;
        this.accumulations = accumulations;
        this.cases = cases;
    }

    @CaseReaction(item = {AssistanceApplications.SUBSIDY, AssistanceApplications.CLAIM}, on = CaseEvents.STAGE_COMPLETED,
            stage = Claims.PAYMENT)
    public Mono<?> pay(Case c) {
        AssistanceForm form = ItemSubmissions.form(c, AssistanceForm.class);
        String idNumber = form.person().id().number();
        String claimId = (String) c.getForm().get(InvoiceRegister.CLAIM_ID);
        boolean subsidy = AssistanceApplications.SUBSIDY.equals(c.getItemCode());
        return orders.find(c.getId()).switchIfEmpty(Mono.defer(() -> recipients.of(idNumber)
                        .flatMap(r -> applications.amount(c.getItemCode(), form, c.getRegionCode(),
                                (String) c.getForm().get("险种"), r).flatMap(amount -> {
                            YearToDate used = subsidy ? YearToDate.ZERO : new YearToDate(Money.ZERO, Money.ZERO,
                                    Money.ZERO, Money.ZERO, Money.ZERO, amount, Money.ZERO);
                            String text = subsidy ? r.category() + "参加城乡居民医保个人缴费" + form.contribution() + "元，补贴" + amount + "元"
                                    : "结算单" + form.statement().number() + "经基本医保、大病保险支付后个人负担的政策范围内费用"
                                    + form.stillPersonal() + "元，医疗救助" + amount + "元";
                            return orders.place(new PaymentOrder.Terms(c.getId(), c.getCaseNumber(), c.getItemCode(), claimId,
                                    idNumber, c.getRegionCode(), form.year(), form.bankAccount().normalisedNumber(),
                                    form.bankAccount().bank(), form.bankAccount().holder() == null ? form.person().name()
                                    : form.bankAccount().holder(), amount, Money.ZERO, Money.ZERO, amount,
                                    List.of(new PaymentOrder.Line(subsidy ? "个人缴费补贴" : "医疗救助", text, amount.toString())),
                                    List.of(), used));
                        }))))
                .flatMap(order -> accumulations.add(idNumber, form.year(), "claim:" + c.getId(), order.getUsed())
                        .then(invoices.markPaid(claimId)).then(orders.send(order)).map(o -> (Object) o))
                .switchIfEmpty(Mono.defer(() -> cases.requestSupplement(c.getId(), CaseActor.SYSTEM,
                        List.of(Reason.of("awaiting-recognition", AssistanceApplications.AWAITING_RECOGNITION)))));
    }
}
