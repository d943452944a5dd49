package org.jingban.notification.channel.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.jingban.notification.NotificationProperties;
import org.jingban.notification.channel.AliyunSmsChannel;
import org.jingban.notification.channel.OutgoingMessage;
import org.jingban.notification.channel.ProviderException;
import org.jingban.notification.channel.ProviderException.Disposition;
import org.jingban.platform.messaging.EventJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SendSms client against a local Aliyun that recomputes the RPC signature (1.0, HMAC-SHA1) from what it got. */
class AliyunSmsClientTest {

    final FakeAliyunSms aliyun = new FakeAliyunSms();

    @AfterEach
    void stop() {
        aliyun.close();
    }

    NotificationProperties.Sms settings(String secret) {
        NotificationProperties.Sms sms = new NotificationProperties.Sms();
        sms.setTransport(NotificationProperties.Transport.LIVE);
        sms.setEndpoint(aliyun.baseUrl() + "/");
        sms.setAccessKeyId(FakeAliyunSms.KEY_ID);
        sms.setAccessKeySecret(secret);
        sms.getTemplateCodes().put("622036001005:failed", "SMS_480215001");
        return sms;
    }

    String send(NotificationProperties.Sms sms, Duration timeout, String key, String phone) {
        OutgoingMessage message = Messages.message(key, phone);
        AliyunSmsClient client = new AliyunSmsClient(Messages.http(timeout), sms, Clock.systemUTC());
        return client.send(new AliyunSmsChannel(null, sms).request(message), message).block(Duration.ofSeconds(20));
    }

    @Test
    void a_send_sms_signed_with_the_access_key_passes_aliyuns_signature_check_and_the_biz_id_comes_back() {
        String bizId = send(settings(aliyun.secret), Duration.ofSeconds(5), "case-1:failed:SMS", "13912345678");

        assertThat(bizId).endsWith("^0");
        assertThat(aliyun.received).extracting(FakeProvider.Received::verdict).containsExactly("OK");
        Map<String, String> sent = aliyun.sent.get(0);
        assertThat(sent).containsEntry("PhoneNumbers", "13912345678").containsEntry("SignName", "武威市医疗保障局（市医保局窗口）")
                .containsEntry("TemplateCode", "SMS_480215001").containsEntry("OutId", "case-1:failed:SMS")
                .containsEntry("RegionId", "cn-hangzhou");
        @SuppressWarnings("unchecked")
        Map<String, Object> params = EventJson.read(sent.get("TemplateParam"), Map.class);
        assertThat(params).containsEntry("name", "张三").containsEntry("reason", "未提供 变更*姓名~等关键信息的必要的对应辅助材料");
        // the phone number is in the form body, never in the URL
        assertThat(aliyun.received.get(0).query()).isNull();
    }

    @Test
    void a_request_signed_with_another_secret_is_refused_by_aliyun_and_becomes_a_dead_letter() {
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> send(settings("not-the-secret"), Duration.ofSeconds(5), "k1", "13912345678"));

        assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(e.disposition()).isEqualTo(Disposition.DEAD);
        assertThat(aliyun.accepted).isEmpty();
    }

    @Test
    void throttling_is_retried_and_an_invalid_number_goes_to_the_next_channel() {
        aliyun.script("13900000001", "isv.BUSINESS_LIMIT_CONTROL");
        aliyun.script("13900000002", "isv.MOBILE_NUMBER_ILLEGAL");
        aliyun.script("13900000003", "isv.SMS_TEMPLATE_ILLEGAL");

        ProviderException throttled = catchThrowableOfType(ProviderException.class,
                () -> send(settings(aliyun.secret), Duration.ofSeconds(5), "k1", "13900000001"));
        ProviderException invalid = catchThrowableOfType(ProviderException.class,
                () -> send(settings(aliyun.secret), Duration.ofSeconds(5), "k2", "13900000002"));
        ProviderException template = catchThrowableOfType(ProviderException.class,
                () -> send(settings(aliyun.secret), Duration.ofSeconds(5), "k3", "13900000003"));

        assertThat(throttled.disposition()).isEqualTo(Disposition.RETRY);
        assertThat(invalid.disposition()).isEqualTo(Disposition.NEXT_CHANNEL);
        assertThat(template.disposition()).isEqualTo(Disposition.DEAD);
        // every request carried a valid signature: the refusals are the scripted business codes
        assertThat(aliyun.received).extracting(FakeProvider.Received::verdict)
                .containsExactly("isv.BUSINESS_LIMIT_CONTROL", "isv.MOBILE_NUMBER_ILLEGAL", "isv.SMS_TEMPLATE_ILLEGAL");
        // the error never shows the whole number
        assertThat(throttled.getMessage()).doesNotContain("13900000001");
    }

    @Test
    void no_answer_in_time_is_an_unknown_outcome_and_no_connection_is_a_plain_retry() throws Exception {
        aliyun.delayMillis = 1500;
        ProviderException slow = catchThrowableOfType(ProviderException.class,
                () -> send(settings(aliyun.secret), Duration.ofMillis(300), "k1", "13912345678"));
        assertThat(slow.disposition()).isEqualTo(Disposition.UNKNOWN);

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        NotificationProperties.Sms nowhere = settings(aliyun.secret);
        nowhere.setEndpoint("http://127.0.0.1:" + closedPort + "/");
        ProviderException refused = catchThrowableOfType(ProviderException.class,
                () -> send(nowhere, Duration.ofSeconds(2), "k2", "13912345678"));
        assertThat(refused.disposition()).isEqualTo(Disposition.RETRY);
    }
}
