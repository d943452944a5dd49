package org.jingban.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jingban.notification.NotificationProperties;
import org.jingban.platform.messaging.EventJson;
import org.junit.jupiter.api.Test;

/** Each adapter writes its provider's documented request shape. */
class ProviderRequestFormatTest {

    static final String TEXT = "【武威市医疗保障局（市医保局窗口）】尊敬的张三,您于2026年11月03日办理的职工参保信息变更登记未完成。"
            + "原因为：未提供变更姓名、性别、身份证号、出生日期等关键信息的必要的对应辅助材料。如有疑问，请咨询0935-2116032。";

    static OutgoingMessage message(String address) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("称呼", "张三");
        values.put("日期", "2026年11月03日");
        values.put("原因", "未提供变更姓名、性别、身份证号、出生日期等关键信息的必要的对应辅助材料");
        values.put("咨询电话", "0935-2116032");
        return new OutgoingMessage("case-1:failed:X", "case-1:failed", "case-1", "620600-20261103-000001",
                "622036001005", "职工参保信息变更登记", "620600", "622036001005:failed", "failed", "620602198001010011",
                org.jingban.platform.cases.Party.Kind.PERSON, "张三", "武威市医疗保障局（市医保局窗口）", address, TEXT, values, LocalDate.of(2026, 11, 3));
    }

    @Test
    void aliyun_send_sms_carries_phone_sign_template_code_params_and_our_idempotency_key() {
        NotificationProperties.Sms sms = new NotificationProperties.Sms();
        sms.getTemplateCodes().put("622036001005:failed", "SMS_480215001");
        ProviderRequest request = new AliyunSmsChannel(null, sms).request(message("13912345678"));

        assertThat(request.endpoint()).isEqualTo("https://dysmsapi.aliyuncs.com/");
        assertThat(request.body()).containsEntry("Action", "SendSms").containsEntry("Version", "2017-05-25")
                .containsEntry("PhoneNumbers", "13912345678").containsEntry("SignName", "武威市医疗保障局（市医保局窗口）")
                .containsEntry("TemplateCode", "SMS_480215001").containsEntry("OutId", "case-1:failed:X");
        @SuppressWarnings("unchecked")
        Map<String, Object> params = EventJson.read((String) request.body().get("TemplateParam"), Map.class);
        assertThat(params).containsEntry("name", "张三").containsEntry("date", "2026年11月03日")
                .containsEntry("phone", "0935-2116032");
    }

    @Test
    void wechat_subscribe_message_keeps_thing_values_within_20_characters() {
        ProviderRequest request = new WeChatSubscribeChannel(null, new NotificationProperties.WeChat())
                .request(message("oWx-openid-1"));

        assertThat(request.endpoint()).startsWith("https://api.weixin.qq.com/cgi-bin/message/subscribe/send?access_token=");
        assertThat(request.body()).containsEntry("touser", "oWx-openid-1").containsEntry("lang", "zh_CN")
                .containsEntry("template_id", "jingban-case-result");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, String>> data = (Map<String, Map<String, String>>) request.body().get("data");
        assertThat(data.get("thing1").get("value")).isEqualTo("职工参保信息变更登记");
        assertThat(data.get("phrase2").get("value")).isEqualTo("未完成");
        assertThat(data.get("thing4").get("value")).hasSize(20).endsWith("…").startsWith("未提供变更姓名");
    }

    @Test
    void alipay_template_message_puts_the_full_text_in_biz_content() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC);
        ProviderRequest request = new AlipayMessageChannel(null, new NotificationProperties.Alipay(), clock)
                .request(message("2088000000000001"));

        assertThat(request.body()).containsEntry("method", "alipay.open.app.mini.templatemessage.send")
                .containsEntry("sign_type", "RSA2").containsEntry("timestamp", "2026-11-24 10:00:00");
        Map<?, ?> biz = EventJson.read((String) request.body().get("biz_content"), Map.class);
        assertThat(biz.get("to_user_id")).isEqualTo("2088000000000001");
        assertThat((String) biz.get("data")).contains(TEXT);
    }
}
