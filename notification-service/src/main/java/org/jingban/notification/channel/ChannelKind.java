package org.jingban.notification.channel;

/** Where a message goes (推送渠道); each external one is a provider with its own rate limit. */
public enum ChannelKind {
    SMS("短信", "aliyun-sms"),
    WECHAT("微信订阅消息", "wechat-subscribe"),
    ALIPAY("支付宝小程序消息", "alipay-template"),
    INBOX("站内信", "inbox");

    private final String label;
    private final String provider;

    ChannelKind(String label, String provider) {
        this.label = label;
        this.provider = provider;
    }

    public String label() {
        return label;
    }

    /** The provider key used for rate limits and the local sink. */
    public String provider() {
        return provider;
    }

    public boolean external() {
        return this != INBOX;
    }
}
