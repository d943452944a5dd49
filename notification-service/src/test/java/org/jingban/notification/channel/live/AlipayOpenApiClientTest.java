package org.jingban.notification.channel.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.jingban.notification.NotificationProperties;
import org.jingban.notification.channel.AlipayMessageChannel;
import org.jingban.notification.channel.OutgoingMessage;
import org.jingban.notification.channel.ProviderException;
import org.jingban.notification.channel.ProviderException.Disposition;
import org.jingban.platform.messaging.EventJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The open-API client against a local Alipay gateway: requests signed RSA2 with a key made for this run, answers
 * verified with the gateway's key made for this run (no key is in the repository).
 */
class AlipayOpenApiClientTest {

    final FakeAlipay alipay = new FakeAlipay();

    @AfterEach
    void stop() {
        alipay.close();
    }

    NotificationProperties.Alipay settings() {
        NotificationProperties.Alipay s = new NotificationProperties.Alipay();
        s.setTransport(NotificationProperties.Transport.LIVE);
        s.setGateway(alipay.baseUrl() + "/gateway.do");
        s.setAppId(FakeAlipay.APP_ID);
        s.setAppPrivateKey(alipay.appPrivateKeyBase64());
        s.setAlipayPublicKey(alipay.alipayPublicKeyPem());
        return s;
    }

    String send(NotificationProperties.Alipay s, String userId) {
        OutgoingMessage message = Messages.message("case-1:failed:ALIPAY", userId);
        AlipayOpenApiClient client = new AlipayOpenApiClient(Messages.http(Duration.ofSeconds(5)), s);
        return client.send(new AlipayMessageChannel(null, s, Clock.systemUTC()).request(message), message)
                .block(Duration.ofSeconds(20));
    }

    @Test
    void a_request_signed_rsa2_passes_the_gateways_check_and_its_signed_answer_verifies() {
        String id = send(settings(), "2088000000000001");

        assertThat(id).isEqualTo("alipay:case-1:failed:ALIPAY");
        assertThat(alipay.accepted).containsExactly("2088000000000001");
        Map<?, ?> biz = alipay.sent.get(0);
        assertThat(biz.get("user_template_id")).isEqualTo("jingban-case-result");
        assertThat((String) biz.get("data")).contains(Messages.TEXT);
    }

    @Test
    void a_request_signed_with_another_key_is_refused_as_a_dead_letter() {
        NotificationProperties.Alipay s = settings();
        s.setAppPrivateKey(Base64.getEncoder().encodeToString(FakeAlipay.STRANGER_KEYS.getPrivate().getEncoded()));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> send(s, "2088000000000001"));

        assertThat(e.code()).isEqualTo("40002/isv.invalid-signature");
        assertThat(e.disposition()).isEqualTo(Disposition.DEAD);
        assertThat(alipay.accepted).isEmpty();
    }

    @Test
    void an_answer_whose_signature_does_not_verify_is_not_trusted_its_outcome_is_unknown() {
        alipay.script("2088000000000002", "tamper");
        ProviderException tampered = catchThrowableOfType(ProviderException.class, () -> send(settings(), "2088000000000002"));
        assertThat(tampered.code()).isEqualTo("sign-invalid");
        assertThat(tampered.disposition()).isEqualTo(Disposition.UNKNOWN);

        // nor is a genuine answer checked with a key that is not the gateway's
        NotificationProperties.Alipay otherKey = settings();
        otherKey.setAlipayPublicKey(Base64.getEncoder().encodeToString(FakeAlipay.STRANGER_KEYS.getPublic().getEncoded()));
        assertThat(catchThrowableOfType(ProviderException.class, () -> send(otherKey, "2088000000000003")).disposition())
                .isEqualTo(Disposition.UNKNOWN);
    }

    @Test
    void business_failures_for_the_user_go_to_the_next_channel_and_an_unavailable_service_is_retried() {
        alipay.script("2088000000000004", "40004/USER_NOT_SUBSCRIBED");
        alipay.script("2088000000000005", "20000/isp.unknow-error");
        alipay.script("2088000000000006", "40004/isv.TEMPLATE_NOT_EXIST");

        assertThat(catchThrowableOfType(ProviderException.class, () -> send(settings(), "2088000000000004")).disposition())
                .isEqualTo(Disposition.NEXT_CHANNEL);
        assertThat(catchThrowableOfType(ProviderException.class, () -> send(settings(), "2088000000000005")).disposition())
                .isEqualTo(Disposition.RETRY);
        assertThat(catchThrowableOfType(ProviderException.class, () -> send(settings(), "2088000000000006")).disposition())
                .isEqualTo(Disposition.DEAD);
    }

    @Test
    void the_signed_node_is_read_exactly_as_it_came_even_with_nesting_and_escapes() {
        String body = "{ \"x_response\" : {\"code\":\"10000\",\"msg\":\"a}\\\"b\",\"n\":{\"k\":[1,{\"z\":2}]}} ,\"sign\":\"s\"}";
        assertThat(JsonSpans.valueOf(body, "x_response"))
                .isEqualTo("{\"code\":\"10000\",\"msg\":\"a}\\\"b\",\"n\":{\"k\":[1,{\"z\":2}]}}");
        assertThat(JsonSpans.valueOf(body, "sign")).isEqualTo("\"s\"");
        assertThat(JsonSpans.valueOf(body, "missing")).isNull();
        assertThat(EventJson.read(JsonSpans.valueOf(body, "x_response"), Map.class)).containsEntry("code", "10000");
    }
}
