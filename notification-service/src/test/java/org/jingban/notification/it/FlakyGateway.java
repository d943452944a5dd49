package org.jingban.notification.it;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jingban.notification.channel.OutgoingMessage;
import org.jingban.notification.channel.ProviderGateway;
import org.jingban.notification.channel.ProviderRequest;
import reactor.core.publisher.Mono;

/** The local sink, except that sends to chosen addresses fail a number of times first (a provider outage). */
public final class FlakyGateway implements ProviderGateway {

    private final ProviderGateway sink;
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    public FlakyGateway(ProviderGateway sink) {
        this.sink = sink;
    }

    public void failNext(String address, int times) {
        failures.put(address, new AtomicInteger(times));
    }

    public void heal(String address) {
        failures.remove(address);
    }

    @Override
    public Mono<String> send(ProviderRequest request, OutgoingMessage message, String idempotencyKey) {
        AtomicInteger left = failures.get(message.address());
        if (left != null && left.getAndDecrement() > 0) {
            return Mono.error(new IllegalStateException("isv.BUSINESS_LIMIT_CONTROL（测试：服务商暂时不可用）"));
        }
        return sink.send(request, message, idempotencyKey);
    }
}
