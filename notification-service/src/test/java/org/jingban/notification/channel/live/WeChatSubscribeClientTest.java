package org.jingban.notification.channel.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jingban.notification.NotificationProperties;
import org.jingban.notification.channel.OutgoingMessage;
import org.jingban.notification.channel.ProviderException;
import org.jingban.notification.channel.ProviderException.Disposition;
import org.jingban.notification.channel.WeChatSubscribeChannel;
import org.jingban.platform.test.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** subscribeMessage.send against a local WeChat: the stable access_token fetched, cached, renewed; errcodes mapped. */
class WeChatSubscribeClientTest {

    final FakeWeChat wechat = new FakeWeChat();
    final ManualClock clock = new ManualClock(Instant.now());
    final NotificationProperties.WeChat settings = settings(wechat.secret);
    final WeChatSubscribeClient client = client(settings);

    @AfterEach
    void stop() {
        wechat.close();
    }

    NotificationProperties.WeChat settings(String secret) {
        NotificationProperties.WeChat s = new NotificationProperties.WeChat();
        s.setTransport(NotificationProperties.Transport.LIVE);
        s.setApiBase(wechat.baseUrl());
        s.setAppId(FakeWeChat.APP_ID);
        s.setAppSecret(secret);
        return s;
    }

    WeChatSubscribeClient client(NotificationProperties.WeChat s) {
        ProviderHttp http = Messages.http(Duration.ofSeconds(5));
        return new WeChatSubscribeClient(http, s, new WeChatAccessTokens(http, s, clock));
    }

    String send(WeChatSubscribeClient c, String openId) {
        OutgoingMessage message = Messages.message("case-1:failed:WECHAT", openId);
        return c.send(new WeChatSubscribeChannel(null, settings).request(message), message).block(Duration.ofSeconds(20));
    }

    @Test
    void the_token_is_fetched_once_cached_for_the_next_sends_and_renewed_five_minutes_before_it_expires() {
        assertThat(send(client, "oWx-1")).isNotBlank();
        send(client, "oWx-2");
        assertThat(wechat.tokenCalls).hasValue(1);

        clock.advance(Duration.ofSeconds(7200 - 360)); // six minutes left: still used
        send(client, "oWx-3");
        assertThat(wechat.tokenCalls).hasValue(1);
        clock.advance(Duration.ofSeconds(120)); // four minutes left: renewed before it runs out
        send(client, "oWx-4");
        assertThat(wechat.tokenCalls).hasValue(2);

        assertThat(wechat.accepted).containsExactly("oWx-1", "oWx-2", "oWx-3", "oWx-4");
        Map<?, ?> body = wechat.sent.get(0);
        assertThat(body.get("touser")).isEqualTo("oWx-1");
        assertThat(body.get("template_id")).isEqualTo("jingban-case-result");
        assertThat(((Map<?, ?>) ((Map<?, ?>) body.get("data")).get("thing1")).get("value")).isEqualTo("职工参保信息变更登记");
    }

    @Test
    void an_expired_token_is_renewed_and_the_message_sent_once() {
        send(client, "oWx-1");
        wechat.expireCurrentToken();

        send(client, "oWx-2");

        assertThat(wechat.received).extracting(FakeProvider.Received::verdict)
                .containsExactly("token", "ok", "42001", "token", "ok");
        assertThat(wechat.acceptedFor("oWx-2")).isEqualTo(1);
        assertThat(wechat.forcedRefreshes).hasValue(0);
    }

    @Test
    void a_token_refused_as_invalid_that_wechat_still_hands_out_is_force_refreshed_once() {
        send(client, "oWx-1");
        wechat.revokeCurrentTokenKeepingItIssued();

        send(client, "oWx-2");

        assertThat(wechat.forcedRefreshes).hasValue(1);
        assertThat(wechat.received).extracting(FakeProvider.Received::verdict)
                .containsExactly("token", "ok", "40001", "token", "token", "ok");
        assertThat(wechat.acceptedFor("oWx-2")).isEqualTo(1);
    }

    @Test
    void an_unsubscribed_user_goes_to_the_next_channel_a_quota_is_retried_and_wrong_credentials_are_a_dead_letter() {
        wechat.script("oWx-refused", "43101");
        wechat.script("oWx-busy", "45009");

        assertThat(catchThrowableOfType(ProviderException.class, () -> send(client, "oWx-refused")).disposition())
                .isEqualTo(Disposition.NEXT_CHANNEL);
        assertThat(catchThrowableOfType(ProviderException.class, () -> send(client, "oWx-busy")).disposition())
                .isEqualTo(Disposition.RETRY);
        ProviderException wrongSecret = catchThrowableOfType(ProviderException.class,
                () -> send(client(settings("wrong")), "oWx-1"));
        assertThat(wrongSecret.code()).isEqualTo("token-40125");
        assertThat(wrongSecret.disposition()).isEqualTo(Disposition.DEAD);
        assertThat(wechat.accepted).isEmpty();
    }
}
