package org.jingban.notification.channel;

import reactor.core.publisher.Mono;

/** The port every channel adapter implements (SMS, WeChat, Alipay, inbox). */
public interface MessageChannel {

    ChannelKind kind();

    /**
     * Delivers one message; a repeated call with the same {@link OutgoingMessage#deliveryKey()} must not make a
     * second message (the providers' idempotency keys, the sink's document id).
     *
     * @return the provider's message id
     */
    Mono<String> deliver(OutgoingMessage message);
}
