package org.jingban.settlement;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.jingban.platform.money.Money;
import org.jingban.platform.security.test.TestTokens;
import org.jingban.settlement.account.ServiceToken;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * A stand-in for enrollment-service's account API in settlement-service's own tests (the real one runs in the e2e
 * test, SettlementThroughGatewayTest): the same paths, bodies and answers as AccountHandlers — one entry per
 * (account, idempotency key), 201 then 200 with {@code Ledger-Replayed: true}, 422 {@code insufficient-balance} —, and a
 * switch to answer 503 as if enrollment-service were down. Settlement-service reaches it over HTTP on its own port,
 * with a token of the test issuer, through the real client, retry and circuit breaker.
 */
@TestConfiguration
public class FakeEnrollmentAccounts {

    @Bean
    @Primary
    ServiceToken testServiceToken() {
        return () -> Mono.just(TestTokens.system("settlement-service", "enrollment:account"));
    }

    @Bean
    Ledger fakeLedger() {
        return new Ledger();
    }

    @Bean
    RouterFunction<ServerResponse> fakeAccountRoutes(Ledger ledger) {
        return RouterFunctions.route()
                .POST("/api/v1/enrollment/accounts/{accountId}/debits", r -> r.bodyToMono(Map.class)
                        .map(body -> ledger.debit(r.pathVariable("accountId"), strings(body))).flatMap(FakeEnrollmentAccounts::answer))
                .POST("/api/v1/enrollment/accounts/{accountId}/reversals", r -> r.bodyToMono(Map.class)
                        .map(body -> ledger.reversal(r.pathVariable("accountId"), strings(body))).flatMap(FakeEnrollmentAccounts::answer))
                .build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> strings(Map<?, ?> body) {
        return (Map<String, String>) body;
    }

    private static Mono<ServerResponse> answer(ResponseEntity<Object> e) {
        ServerResponse.BodyBuilder b = ServerResponse.status(e.getStatusCode()).headers(h -> h.addAll(e.getHeaders()));
        return b.bodyValue(e.getBody());
    }

    public record Entry(String entryId, String accountId, String kind, long fen, String key, String reversalOf) {
    }

    /** The books: balances and entries per account, and the switch. */
    public static class Ledger {

        public final Map<String, Long> balances = new ConcurrentHashMap<>();
        public final List<Entry> entries = new CopyOnWriteArrayList<>();
        public final AtomicInteger calls = new AtomicInteger();
        public volatile boolean down;

        public List<Entry> entries(String accountId, String kind) {
            return entries.stream().filter(e -> e.accountId().equals(accountId) && e.kind().equals(kind)).toList();
        }

        public synchronized ResponseEntity<Object> debit(String accountId, Map<String, String> body) {
            calls.incrementAndGet();
            if (down) {
                return ResponseEntity.status(503).body(Map.of("title", "Service Unavailable"));
            }
            String key = body.get("idempotencyKey");
            for (Entry e : entries) {
                if (e.accountId().equals(accountId) && e.key().equals(key)) {
                    return ResponseEntity.ok().header("Ledger-Replayed", "true").body(view(e));
                }
            }
            long fen = Money.parse(body.get("amount")).fen();
            long balance = balances.getOrDefault(accountId, 0L);
            if (fen > balance) {
                return ResponseEntity.status(422).body(Map.of("title", "Unprocessable", "detail", "个人账户记账未通过：余额不足",
                        "violations", List.of(Map.of("field", "amount", "code", "insufficient-balance", "message", "个人账户余额不足"))));
            }
            balances.put(accountId, balance - fen);
            Entry e = new Entry(UUID.randomUUID().toString(), accountId, "DEBIT", fen, key, null);
            entries.add(e);
            return ResponseEntity.status(201).header("Ledger-Replayed", "false").body(view(e));
        }

        public synchronized ResponseEntity<Object> reversal(String accountId, Map<String, String> body) {
            calls.incrementAndGet();
            if (down) {
                return ResponseEntity.status(503).body(Map.of("title", "Service Unavailable"));
            }
            String key = body.get("idempotencyKey");
            for (Entry e : entries) {
                if (e.accountId().equals(accountId) && e.key().equals(key)) {
                    return ResponseEntity.ok().header("Ledger-Replayed", "true").body(view(e));
                }
            }
            Entry debit = entries.stream().filter(e -> e.entryId().equals(body.get("entryId"))).findFirst().orElse(null);
            if (debit == null) {
                return ResponseEntity.status(422).body(Map.of("violations", List.of(Map.of("field", "reversalOf",
                        "code", "entry-not-found", "message", "要冲正的账户明细不存在"))));
            }
            balances.merge(accountId, debit.fen(), Long::sum);
            Entry e = new Entry(UUID.randomUUID().toString(), accountId, "REVERSAL", debit.fen(), key, debit.entryId());
            entries.add(e);
            return ResponseEntity.status(201).header("Ledger-Replayed", "false").body(view(e));
        }

        private static Map<String, Object> view(Entry e) {
            return Map.of("entryId", e.entryId(), "kind", e.kind(), "amount", Money.format(e.fen()), "idempotencyKey", e.key());
        }
    }
}
