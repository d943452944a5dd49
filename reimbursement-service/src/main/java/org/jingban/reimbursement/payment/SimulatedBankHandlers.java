package org.jingban.reimbursement.payment;

import org.jingban.platform.payments.SimulatedBank;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.platform.identifiers.Masking;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Role;
import org.jingban.platform.web.problem.ProblemException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * What the stand-in bank received and booked for an order, for operators of the local stack and the end-to-end
 * tests (how many requests, how many transfers): 404 when a real bank is configured.
 */
@RestController
@RequestMapping("/api/v1/reimbursement/simulated-bank")
@Tag(name = "模拟银行", description = "本地环境的模拟代发银行：某支付指令收到的请求次数与入账笔数（生产环境不提供）")
public class SimulatedBankHandlers {

    private final ObjectProvider<SimulatedBank> bank;

    public SimulatedBankHandlers(ObjectProvider<SimulatedBank> bank) {
        this.bank = bank;
    }

    /** Requests received and transfers booked for one order (the account masked). */
    public record Books(String orderId, long requests, List<String> transfers) {
    }

    @GetMapping("/orders/{orderId}")
    @Operation(summary = "模拟银行：一笔支付指令的请求与入账", description = "运维、财务人员；生产环境（真实银行）不提供")
    @Access({Role.OPS, Role.FINANCE})
    public Mono<Books> books(@PathVariable String orderId) {
        SimulatedBank simulated = bank.getIfAvailable();
        if (simulated == null) {
            throw ProblemException.notFound("未使用模拟银行");
        }
        Query byOrder = Query.query(Criteria.where("orderId").is(orderId));
        return simulated.books().count(byOrder, SimulatedBank.Request.class)
                .zipWith(simulated.books().find(Query.query(Criteria.where("_id").is(orderId)),
                        SimulatedBank.BookedTransfer.class).map(t -> Masking.bankAccount(t.accountNumber()) + " "
                        + t.amountFen() + "分").collectList())
                .map(t -> new Books(orderId, t.getT1(), t.getT2()));
    }
}
