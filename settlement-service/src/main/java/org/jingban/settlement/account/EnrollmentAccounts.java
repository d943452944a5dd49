package org.jingban.settlement.account;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.jingban.platform.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * enrollment-service's personal account API, the one synchronous call of settlement-service: {@code POST
 * /api/v1/enrollment/accounts/{accountId}/debits} (个人账户支付) and {@code …/reversals} (冲正), each with an idempotency
 * key, so a retry never posts twice. Each call is limited by {@code timeout}, retried {@code retries} times on a
 * transport failure, a 5xx or a 429, and goes through the resilience4j circuit breaker {@value #BREAKER}: while it is
 * open no call is made. A business refusal (4xx) is an answer, not a failure: it is returned as
 * {@link AccountOutcome.Refused} and does not count against the breaker.
 */
public class EnrollmentAccounts {

    public static final String BREAKER = "enrollment-account";
    private static final Logger log = LoggerFactory.getLogger(EnrollmentAccounts.class);

    private final WebClient http;
    private final ServiceToken tokens;
    private final EnrollmentAccountProperties properties;
    private final Environment environment;
    private final CircuitBreaker breaker;

    public EnrollmentAccounts(WebClient.Builder builder, ServiceToken tokens, EnrollmentAccountProperties properties,
                              Environment environment, CircuitBreakerRegistry breakers) {
        this.http = builder.clone().build();
        this.tokens = tokens;
        this.properties = properties;
        this.environment = environment;
        this.breaker = breakers.circuitBreaker(BREAKER);
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    /** 个人账户支付 of {@code amount} under {@code key} (the settlement's); the same key again returns the first entry. */
    public Mono<AccountOutcome> debit(String accountId, Money amount, String key, String reference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount.toString());
        body.put("idempotencyKey", key);
        body.put("reference", reference);
        body.put("remark", "定点医药机构直接结算·个人账户支付");
        return post("/api/v1/enrollment/accounts/{accountId}/debits", accountId, body);
    }

    /** 冲正 of the entry {@code entryId} under {@code key}. */
    public Mono<AccountOutcome> reverse(String accountId, String entryId, String key, String reference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entryId", entryId);
        body.put("idempotencyKey", key);
        body.put("reference", reference);
        body.put("remark", "直接结算冲正·个人账户退回");
        return post("/api/v1/enrollment/accounts/{accountId}/reversals", accountId, body);
    }

    private Mono<AccountOutcome> post(String path, String accountId, Map<String, Object> body) {
        String base = baseUrl();
        if (base == null) {
            return Mono.just(new AccountOutcome.Unavailable("未配置个人账户服务地址"));
        }
        Mono<AccountOutcome> call = Mono.defer(() -> tokens.get()
                .onErrorMap(e -> new NoCredentials(e.getMessage()))
                .flatMap(token -> http.post().uri(base + path, accountId)
                        .headers(h -> h.setBearerAuth(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchangeToMono(this::read)))
                .timeout(properties.timeout());
        return call.transformDeferred(CircuitBreakerOperator.of(breaker))
                .retryWhen(Retry.backoff(properties.retries(), Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(1))
                        .filter(e -> !(e instanceof CallNotPermittedException) && !(e instanceof NoCredentials))
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .onErrorResume(e -> {
                    String reason = describe(e);
                    log.warn("personal account {} unavailable: {}", path.substring(path.lastIndexOf('/') + 1), reason);
                    return Mono.just(new AccountOutcome.Unavailable(reason));
                });
    }

    @SuppressWarnings("unchecked")
    private Mono<AccountOutcome> read(ClientResponse response) {
        int status = response.statusCode().value();
        if (response.statusCode().is2xxSuccessful()) {
            boolean replayed = "true".equalsIgnoreCase(response.headers().asHttpHeaders().getFirst("Ledger-Replayed"));
            return response.bodyToMono(Map.class)
                    .map(m -> (AccountOutcome) new AccountOutcome.Posted((String) m.get("entryId"), replayed));
        }
        if (response.statusCode().is5xxServerError() || status == 429) {
            return response.createException().flatMap(Mono::error);
        }
        return response.bodyToMono(Map.class).defaultIfEmpty(Map.of()).map(m -> {
            if (status == 401 || status == 403) {
                log.error("enrollment-service refused settlement-service's credentials ({}): check jingban.settlement.enrollment.token", status);
                return new AccountOutcome.Unavailable("个人账户服务拒绝了本系统的访问凭证（" + status + "）");
            }
            if (status == 404) {
                return new AccountOutcome.Refused("account-not-found", "个人账户不存在");
            }
            Object violations = m.get("violations");
            if (violations instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
                return new AccountOutcome.Refused(String.valueOf(first.get("code")), String.valueOf(first.get("message")));
            }
            return new AccountOutcome.Refused("refused-" + status, String.valueOf(m.getOrDefault("detail", "个人账户记账未通过")));
        });
    }

    private String baseUrl() {
        String configured = environment.getProperty("jingban.settlement.enrollment.base-url");
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return LocalGateway.origin(environment);
    }

    private static String describe(Throwable e) {
        if (e instanceof CallNotPermittedException) {
            return "个人账户服务暂不可用（熔断中）";
        }
        if (e instanceof TimeoutException) {
            return "个人账户服务响应超时";
        }
        if (e instanceof NoCredentials) {
            return "未取得访问个人账户服务的凭证";
        }
        return "个人账户服务暂不可用";
    }

    private static final class NoCredentials extends RuntimeException {
        NoCredentials(String message) {
            super(message, null, false, false);
        }
    }
}
