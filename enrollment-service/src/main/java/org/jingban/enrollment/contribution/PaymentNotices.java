package org.jingban.enrollment.contribution;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import org.jingban.platform.cases.Case;
import org.jingban.platform.identifiers.Masking;
import org.jingban.platform.money.Money;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Issues the 缴费通知单 / 核定金额 of a 办结 contribution case, once (the notice's id is the case id). */
@Component
public class PaymentNotices {

    private final ReactiveMongoTemplate template;
    private final Clock clock;

    public PaymentNotices(ReactiveMongoTemplate template, Clock clock) {
        this.template = template;
        this.clock = clock;
    }

    /** One line: {@code base × months × rate}, HALF_UP to the fen; the 证件号码 masked. */
    static PaymentNotice.Line line(String idNumber, String name, String base, int months, BigDecimal rate) {
        long fen = Money.share(Money.parseFen(base) * months, rate);
        return new PaymentNotice.Line(Masking.idNumber(idNumber), name, base, months, rate.toPlainString(),
                Money.format(fen));
    }

    /** The notice of the case with these lines (their sum is its total); the first one issued if issued before. */
    Mono<PaymentNotice> issue(Case c, String kind, List<PaymentNotice.Line> lines) {
        long total = lines.stream().mapToLong(l -> Money.parseFen(l.amount())).sum();
        PaymentNotice notice = PaymentNotice.issue(c.getId(), c.getItemCode(), c.getCaseNumber(), c.getApplicant().name(),
                c.getRegionCode(), kind, lines, Money.format(total), clock.instant());
        return template.insert(notice)
                .onErrorResume(DuplicateKeyException.class, e -> template.findById(c.getId(), PaymentNotice.class));
    }
}
