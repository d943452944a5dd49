package org.jingban.notification.channel;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jingban.notification.NotificationProperties;
import reactor.core.publisher.Mono;

/**
 * 微信订阅消息 through {@code subscribeMessage.send}
 * ({@code POST https://api.weixin.qq.com/cgi-bin/message/subscribe/send?access_token=ACCESS_TOKEN}): {@code touser}
 * (the openid), {@code template_id}, {@code page}, {@code miniprogram_state}, {@code lang} and {@code data} with one
 * {@code {"value": …}} per keyword. WeChat limits keywords ({@code thing} ≤ 20 characters, {@code phrase} ≤ 5), so the
 * card carries 事项名称 / 办理结果 / 申请日期 / 备注 / 经办机构 and opens the inbox page with the full catalog text.
 */
public class WeChatSubscribeChannel implements MessageChannel {

    public static final String ENDPOINT = "https://api.weixin.qq.com/cgi-bin/message/subscribe/send";

    private final ProviderGateway gateway;
    private final NotificationProperties.WeChat settings;

    public WeChatSubscribeChannel(ProviderGateway gateway, NotificationProperties.WeChat settings) {
        this.gateway = gateway;
        this.settings = settings;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WECHAT;
    }

    @Override
    public Mono<String> deliver(OutgoingMessage message) {
        return gateway.send(request(message), message, message.deliveryKey());
    }

    public ProviderRequest request(OutgoingMessage message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("thing1", value(limit(message.itemName(), 20)));
        data.put("phrase2", value(Results.of(message.templateEvent())));
        // the card's 申请日期: the application date, also when the text's date is the completion's ("…日已完成X")
        data.put("date3", value(message.submittedOn() != null
                ? org.jingban.notification.template.TemplateValues.date(message.submittedOn())
                : message.values().getOrDefault("日期", "")));
        data.put("thing4", value(limit(Results.remark(message.values()), 20)));
        data.put("thing5", value(limit(message.officeName(), 20)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("touser", message.address());
        body.put("template_id", settings.getTemplateIds().getOrDefault(message.templateEvent(), settings.getDefaultTemplateId()));
        body.put("page", settings.getPage() + "?id=" + message.notificationId());
        body.put("miniprogram_state", settings.getMiniprogramState());
        body.put("lang", "zh_CN");
        body.put("data", data);
        return new ProviderRequest(kind().provider(), "POST", ENDPOINT + "?access_token=ACCESS_TOKEN", body);
    }

    private static Map<String, String> value(String value) {
        return Map.of("value", value == null ? "" : value);
    }

    static String limit(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
