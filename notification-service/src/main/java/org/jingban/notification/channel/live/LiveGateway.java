package org.jingban.notification.channel.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jingban.notification.channel.OutgoingMessage;
import org.jingban.notification.channel.ProviderException;
import org.jingban.notification.channel.ProviderException.Disposition;
import org.jingban.notification.channel.ProviderGateway;
import org.jingban.notification.channel.ProviderRequest;
import reactor.core.publisher.Mono;

/**
 * Sends each provider's requests to its real client where one is configured ({@code <channel>.transport: live}) and
 * to the local sink otherwise, so one channel can go live while the others stay local. Every real call goes through
 * the {@link SendJournal}: one call that the provider takes per delivery key, whatever the dispatcher repeats.
 */
public class LiveGateway implements ProviderGateway {

    private final Map<String, ProviderClient> clients = new LinkedHashMap<>();
    private final ProviderGateway sink;
    private final SendJournal journal;

    public LiveGateway(List<ProviderClient> clients, ProviderGateway sink, SendJournal journal) {
        clients.forEach(c -> this.clients.put(c.provider(), c));
        this.sink = sink;
        this.journal = journal;
    }

    public boolean isLive(String provider) {
        return clients.containsKey(provider);
    }

    @Override
    public Mono<String> send(ProviderRequest request, OutgoingMessage message, String idempotencyKey) {
        ProviderClient client = clients.get(request.provider());
        if (client == null) {
            return sink.send(request, message, idempotencyKey);
        }
        return journal.find(idempotencyKey)
                .flatMap(previous -> switch (previous.status()) {
                    case ACCEPTED -> Mono.just(previous.messageId() == null ? "" : previous.messageId());
                    case IN_FLIGHT, UNKNOWN -> Mono.<String>error(unknown(request.provider(), previous.status()));
                    case FAILED -> call(client, request, message, idempotencyKey);
                })
                .switchIfEmpty(Mono.defer(() -> call(client, request, message, idempotencyKey)));
    }

    private Mono<String> call(ProviderClient client, ProviderRequest request, OutgoingMessage message, String key) {
        return journal.begin(key, request.provider()).flatMap(begun -> {
            if (!begun) {
                return Mono.error(unknown(request.provider(), ProviderSend.Status.IN_FLIGHT));
            }
            return client.send(request, message)
                    .flatMap(id -> journal.finish(key, ProviderSend.Status.ACCEPTED, id, "OK").thenReturn(id))
                    .onErrorResume(e -> {
                        ProviderException failure = e instanceof ProviderException p ? p
                                : new ProviderException(request.provider(), "client-error", Disposition.UNKNOWN,
                                "调用服务商时出错，发送结果未知: " + e, e);
                        ProviderSend.Status status = failure.disposition() == Disposition.UNKNOWN
                                ? ProviderSend.Status.UNKNOWN : ProviderSend.Status.FAILED;
                        return journal.finish(key, status, null, failure.code()).then(Mono.error(failure));
                    });
        });
    }

    private static ProviderException unknown(String provider, ProviderSend.Status status) {
        return new ProviderException(provider, "outcome-unknown", Disposition.UNKNOWN, status == ProviderSend.Status.IN_FLIGHT
                ? "上一次调用未记录结果（中断或仍在进行），为避免重复发送不再自动重发"
                : "上一次调用结果未知，为避免重复发送不再自动重发");
    }

    /** Ops retry of a dead letter: see {@link SendJournal#release(String)}. */
    public Mono<Boolean> release(String idempotencyKey) {
        return journal.release(idempotencyKey);
    }
}
