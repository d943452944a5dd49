package org.jingban.transfer.national;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code jingban.transfer.national.*}: the national platform (国家医保信息平台) link for transfers across provinces. */
@ConfigurationProperties("jingban.transfer.national")
public record NationalPlatformProperties(String topic, Boolean enabled) {

    public NationalPlatformProperties {
        topic = topic == null || topic.isBlank() ? "jingban.national.transfer" : topic;
        enabled = enabled == null || enabled;
    }
}
