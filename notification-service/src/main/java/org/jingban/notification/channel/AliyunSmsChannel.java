package org.jingban.notification.channel;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jingban.notification.NotificationProperties;
import org.jingban.platform.messaging.EventJson;
import reactor.core.publisher.Mono;

/**
 * 短信 through Alibaba Cloud SMS, API {@code SendSms} (dysmsapi, version 2017-05-25): {@code PhoneNumbers},
 * {@code SignName}, {@code TemplateCode}, {@code TemplateParam} (a JSON string of the template variables) and
 * {@code OutId} (our delivery key, which the provider echoes in its receipts). The SMS template registered with
 * Aliyun is the catalog text with its placeholders as {@code ${name}}, {@code ${date}} … (see {@link #VARIABLES}),
 * so the phone shows exactly the catalog's wording.
 */
public class AliyunSmsChannel implements MessageChannel {

    public static final String ENDPOINT = "https://dysmsapi.aliyuncs.com/";

    /** Aliyun template variables are ASCII names. */
    public static final Map<String, String> VARIABLES = Map.of("称呼", "name", "日期", "date", "原因", "reason",
            "咨询电话", "phone", "金额", "amount", "备案有效期", "validity", "机构名称", "org", "收款人", "payee",
            "银行", "bank", "账号尾号", "tail");

    private final ProviderGateway gateway;
    private final NotificationProperties.Sms settings;

    public AliyunSmsChannel(ProviderGateway gateway, NotificationProperties.Sms settings) {
        this.gateway = gateway;
        this.settings = settings;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SMS;
    }

    @Override
    public Mono<String> deliver(OutgoingMessage message) {
        return gateway.send(request(message), message, message.deliveryKey());
    }

    public ProviderRequest request(OutgoingMessage message) {
        Map<String, String> params = new LinkedHashMap<>();
        message.values().forEach((name, value) -> params.put(VARIABLES.getOrDefault(name, name), value));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Action", "SendSms");
        body.put("Version", "2017-05-25");
        body.put("PhoneNumbers", message.address());
        body.put("SignName", settings.getSignName() != null ? settings.getSignName() : message.officeName());
        body.put("TemplateCode", settings.getTemplateCodes().getOrDefault(message.templateKey(),
                "JINGBAN_" + message.templateKey().replace(':', '_').toUpperCase()));
        body.put("TemplateParam", EventJson.write(params));
        body.put("OutId", message.deliveryKey());
        return new ProviderRequest(kind().provider(), "POST", ENDPOINT, body);
    }
}
