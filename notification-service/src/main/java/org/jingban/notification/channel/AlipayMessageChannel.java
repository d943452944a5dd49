package org.jingban.notification.channel;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jingban.notification.NotificationProperties;
import org.jingban.platform.messaging.EventJson;
import reactor.core.publisher.Mono;

/**
 * 支付宝小程序模板消息 through the open API {@code alipay.open.app.mini.templatemessage.send}
 * ({@code POST https://openapi.alipay.com/gateway.do}): the common parameters ({@code app_id}, {@code method},
 * {@code format}, {@code charset}, {@code sign_type} RSA2, {@code timestamp}, {@code version}) and
 * {@code biz_content} with {@code to_user_id}, {@code user_template_id}, {@code page} and {@code data} (a JSON string
 * of {@code keywordN: {value}}). The production transport adds {@code sign}; the local sink keeps it unsigned.
 */
public class AlipayMessageChannel implements MessageChannel {

    public static final String ENDPOINT = "https://openapi.alipay.com/gateway.do";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final ProviderGateway gateway;
    private final NotificationProperties.Alipay settings;
    private final Clock clock;

    public AlipayMessageChannel(ProviderGateway gateway, NotificationProperties.Alipay settings, Clock clock) {
        this.gateway = gateway;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.ALIPAY;
    }

    @Override
    public Mono<String> deliver(OutgoingMessage message) {
        return gateway.send(request(message), message, message.deliveryKey());
    }

    public ProviderRequest request(OutgoingMessage message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("keyword1", Map.of("value", message.itemName()));
        data.put("keyword2", Map.of("value", Results.of(message.templateEvent())));
        data.put("keyword3", Map.of("value", message.values().getOrDefault("日期", "")));
        data.put("keyword4", Map.of("value", message.text()));
        Map<String, Object> biz = new LinkedHashMap<>();
        biz.put("to_user_id", message.address());
        biz.put("user_template_id", settings.getTemplateIds().getOrDefault(message.templateEvent(), settings.getDefaultTemplateId()));
        biz.put("page", settings.getPage() + "?id=" + message.notificationId());
        biz.put("data", EventJson.write(data));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("app_id", settings.getAppId());
        body.put("method", "alipay.open.app.mini.templatemessage.send");
        body.put("format", "JSON");
        body.put("charset", "utf-8");
        body.put("sign_type", "RSA2");
        body.put("timestamp", TIMESTAMP.format(clock.instant()));
        body.put("version", "1.0");
        body.put("biz_content", EventJson.write(biz));
        return new ProviderRequest(kind().provider(), "POST", ENDPOINT, body);
    }
}
