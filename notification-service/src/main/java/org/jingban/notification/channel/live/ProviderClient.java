package org.jingban.notification.channel.live;

import org.jingban.notification.channel.OutgoingMessage;
import org.jingban.notification.channel.ProviderRequest;
import reactor.core.publisher.Mono;

/** Sends one provider request to the real provider: signs it, calls it, reads its answer. */
public interface ProviderClient {

    /** The provider key ({@code aliyun-sms}, {@code wechat-subscribe}, {@code alipay-template}). */
    String provider();

    /**
     * @return the provider's message id
     * @throws org.jingban.notification.channel.ProviderException (as the Mono's error) for every answer that is not
     *         a sent message, with its disposition
     */
    Mono<String> send(ProviderRequest request, OutgoingMessage message);
}
