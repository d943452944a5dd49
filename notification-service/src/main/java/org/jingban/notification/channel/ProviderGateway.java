package org.jingban.notification.channel;

import reactor.core.publisher.Mono;

/**
 * Sends a provider request. The local implementation ({@link LocalSinkGateway}) writes it into the
 * {@code channel_sink} collection that ops read through {@code GET /api/v1/notifications/outbox}; with a channel's
 * {@code transport: live}, {@link org.jingban.notification.channel.live.LiveGateway} sends that channel's requests
 * to the real provider (Aliyun RPC signature 1.0, WeChat access_token, Alipay RSA2).
 */
public interface ProviderGateway {

    /**
     * @param idempotencyKey the delivery key: a second call with it must not send again
     * @return the provider's message id
     */
    Mono<String> send(ProviderRequest request, OutgoingMessage message, String idempotencyKey);

    /**
     * Ops send a dead letter again: a real provider's call whose outcome was unknown may now be repeated (the local
     * sink keeps nothing to release).
     */
    default Mono<Boolean> release(String idempotencyKey) {
        return Mono.just(false);
    }
}
