package org.jingban.notification.channel;

import reactor.core.publisher.Mono;

/**
 * Sends a provider request. The local implementation ({@link LocalSinkGateway}) writes it into the
 * {@code channel_sink} collection that ops read through {@code GET /api/v1/notifications/outbox}; a deployment with
 * real providers adds an HTTP transport (signing: Aliyun RPC signature V3, WeChat access_token, Alipay RSA2).
 */
public interface ProviderGateway {

    /**
     * @param idempotencyKey the delivery key: a second call with it must not send again
     * @return the provider's message id
     */
    Mono<String> send(ProviderRequest request, OutgoingMessage message, String idempotencyKey);
}
