package org.jingban.notification;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code jingban.notification.*}: retries, quiet hours, rate limits, provider settings, the staff digest. */
@ConfigurationProperties("jingban.notification")
public class NotificationProperties {

    private final Dispatch dispatch = new Dispatch();
    private final QuietHours quietHours = new QuietHours();
    /** Messages per second per provider (aliyun-sms, wechat-subscribe, alipay-template); a missing one is unlimited. */
    private Map<String, Double> rateLimits = new LinkedHashMap<>(Map.of("aliyun-sms", 20.0,
            "wechat-subscribe", 50.0, "alipay-template", 50.0));
    private final Sms sms = new Sms();
    private final WeChat wechat = new WeChat();
    private final Alipay alipay = new Alipay();
    private final Digest digest = new Digest();
    private final Http http = new Http();

    public Dispatch getDispatch() { return dispatch; }
    public Http getHttp() { return http; }
    public QuietHours getQuietHours() { return quietHours; }
    public Map<String, Double> getRateLimits() { return rateLimits; }
    public void setRateLimits(Map<String, Double> rateLimits) { this.rateLimits = rateLimits; }
    public Sms getSms() { return sms; }
    public WeChat getWechat() { return wechat; }
    public Alipay getAlipay() { return alipay; }
    public Digest getDigest() { return digest; }

    public static class Dispatch {
        /** Whether this instance sends (off: it only records notifications). */
        private boolean enabled = true;
        /** How often the dispatcher looks for due deliveries (a new notification also wakes it). */
        private Duration pollInterval = Duration.ofSeconds(1);
        /** Attempts per delivery before it becomes a dead letter. */
        private int maxAttempts = 6;
        /** Wait after the first failure; doubled after each further one. */
        private Duration initialBackoff = Duration.ofSeconds(30);
        private Duration maxBackoff = Duration.ofMinutes(30);
        /** How long a claimed delivery stays claimed: after a crash it is sent again (same idempotency key). */
        private Duration lease = Duration.ofMinutes(2);
        /** Deliveries handled per pass. */
        private int batchSize = 100;

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public Duration getPollInterval() { return pollInterval; }
        public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
        public int getMaxAttempts() { return maxAttempts; }
        public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
        public Duration getInitialBackoff() { return initialBackoff; }
        public void setInitialBackoff(Duration initialBackoff) { this.initialBackoff = initialBackoff; }
        public Duration getMaxBackoff() { return maxBackoff; }
        public void setMaxBackoff(Duration maxBackoff) { this.maxBackoff = maxBackoff; }
        public Duration getLease() { return lease; }
        public void setLease(Duration lease) { this.lease = lease; }
        public int getBatchSize() { return batchSize; }
        public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
    }

    public static class QuietHours {
        private boolean enabled = true;
        /** No SMS from this time … */
        private LocalTime start = LocalTime.of(22, 0);
        /** … until this time (next day when before start). */
        private LocalTime end = LocalTime.of(8, 0);
        private String zone = "Asia/Shanghai";
        /** Templates sent at any hour: a template event (failed) or itemCode:event (622036004001:completed). */
        private List<String> urgentTemplates = new ArrayList<>();

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public LocalTime getStart() { return start; }
        public void setStart(LocalTime start) { this.start = start; }
        public LocalTime getEnd() { return end; }
        public void setEnd(LocalTime end) { this.end = end; }
        public String getZone() { return zone; }
        public void setZone(String zone) { this.zone = zone; }
        public List<String> getUrgentTemplates() { return urgentTemplates; }
        public void setUrgentTemplates(List<String> urgentTemplates) { this.urgentTemplates = urgentTemplates; }
    }

    /** Where a channel's provider requests go. */
    public enum Transport {
        /** Into the local sink ({@code channel_sink}, read through {@code /outbox}): the local stack's default. */
        SINK,
        /** To the provider over HTTPS, signed with the credentials of this channel. */
        LIVE
    }

    /** Timeouts of the calls to the real providers (the dispatcher's backoff does the retrying). */
    public static class Http {
        private Duration connectTimeout = Duration.ofSeconds(3);
        /** The whole call; a send without an answer in time has an unknown outcome (a dead letter, not resent). */
        private Duration requestTimeout = Duration.ofSeconds(10);

        public Duration getConnectTimeout() { return connectTimeout; }
        public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
        public Duration getRequestTimeout() { return requestTimeout; }
        public void setRequestTimeout(Duration requestTimeout) { this.requestTimeout = requestTimeout; }
    }

    public static class Sms {
        private Transport transport = Transport.SINK;
        /** Aliyun SMS endpoint (RPC style, signature version 1.0). */
        private String endpoint = "https://dysmsapi.aliyuncs.com/";
        /** RegionId of the call (示例值). */
        private String regionId = "cn-hangzhou";
        /** From the secret store (JINGBAN_NOTIFICATION_SMS_ACCESSKEYID / _ACCESSKEYSECRET), never the repository. */
        private String accessKeyId;
        private String accessKeySecret;
        /** Aliyun 短信签名; empty uses the handling office's name (【经办机构落款】). */
        private String signName;
        /** Aliyun TemplateCode by {@code itemCode:event}. */
        private Map<String, String> templateCodes = new LinkedHashMap<>();

        public Transport getTransport() { return transport; }
        public void setTransport(Transport transport) { this.transport = transport; }
        public String getEndpoint() { return endpoint; }
        public void setEndpoint(String endpoint) { this.endpoint = endpoint; }
        public String getRegionId() { return regionId; }
        public void setRegionId(String regionId) { this.regionId = regionId; }
        public String getAccessKeyId() { return accessKeyId; }
        public void setAccessKeyId(String accessKeyId) { this.accessKeyId = accessKeyId; }
        public String getAccessKeySecret() { return accessKeySecret; }
        public void setAccessKeySecret(String accessKeySecret) { this.accessKeySecret = accessKeySecret; }

        public String getSignName() { return signName; }
        public void setSignName(String signName) { this.signName = signName; }
        public Map<String, String> getTemplateCodes() { return templateCodes; }
        public void setTemplateCodes(Map<String, String> templateCodes) { this.templateCodes = templateCodes; }
    }

    public static class WeChat {
        private Transport transport = Transport.SINK;
        /** WeChat API base (token from {@code /cgi-bin/stable_token}, sends to {@code /cgi-bin/message/subscribe/send}). */
        private String apiBase = "https://api.weixin.qq.com";
        /** The mini program's AppID and AppSecret, from the secret store (JINGBAN_NOTIFICATION_WECHAT_APPSECRET). */
        private String appId;
        private String appSecret;
        /** A cached access_token is renewed when less than this is left of its expires_in. */
        private Duration tokenRefreshBefore = Duration.ofMinutes(5);
        private String defaultTemplateId = "jingban-case-result";
        /** subscribe-message template id by template event (completed, failed …). */
        private Map<String, String> templateIds = new LinkedHashMap<>();
        private String page = "pages/messages/detail";
        /** developer, trial or formal. */
        private String miniprogramState = "formal";

        public Transport getTransport() { return transport; }
        public void setTransport(Transport transport) { this.transport = transport; }
        public String getApiBase() { return apiBase; }
        public void setApiBase(String apiBase) { this.apiBase = apiBase; }
        public String getAppId() { return appId; }
        public void setAppId(String appId) { this.appId = appId; }
        public String getAppSecret() { return appSecret; }
        public void setAppSecret(String appSecret) { this.appSecret = appSecret; }
        public Duration getTokenRefreshBefore() { return tokenRefreshBefore; }
        public void setTokenRefreshBefore(Duration tokenRefreshBefore) { this.tokenRefreshBefore = tokenRefreshBefore; }
        public String getDefaultTemplateId() { return defaultTemplateId; }
        public void setDefaultTemplateId(String defaultTemplateId) { this.defaultTemplateId = defaultTemplateId; }
        public Map<String, String> getTemplateIds() { return templateIds; }
        public void setTemplateIds(Map<String, String> templateIds) { this.templateIds = templateIds; }
        public String getPage() { return page; }
        public void setPage(String page) { this.page = page; }
        public String getMiniprogramState() { return miniprogramState; }
        public void setMiniprogramState(String miniprogramState) { this.miniprogramState = miniprogramState; }
    }

    public static class Alipay {
        private Transport transport = Transport.SINK;
        /** Alipay open-platform gateway. */
        private String gateway = "https://openapi.alipay.com/gateway.do";
        /**
         * The application's RSA private key (PKCS#8, Base64 or PEM) that signs requests, and Alipay's public key
         * (X.509, Base64 or PEM) that verifies answers: both from the secret store
         * (JINGBAN_NOTIFICATION_ALIPAY_APPPRIVATEKEY, JINGBAN_NOTIFICATION_ALIPAY_ALIPAYPUBLICKEY).
         */
        private String appPrivateKey;
        private String alipayPublicKey;
        private String appId = "local";
        private String defaultTemplateId = "jingban-case-result";
        private Map<String, String> templateIds = new LinkedHashMap<>();
        private String page = "pages/messages/detail";

        public Transport getTransport() { return transport; }
        public void setTransport(Transport transport) { this.transport = transport; }
        public String getGateway() { return gateway; }
        public void setGateway(String gateway) { this.gateway = gateway; }
        public String getAppPrivateKey() { return appPrivateKey; }
        public void setAppPrivateKey(String appPrivateKey) { this.appPrivateKey = appPrivateKey; }
        public String getAlipayPublicKey() { return alipayPublicKey; }
        public void setAlipayPublicKey(String alipayPublicKey) { this.alipayPublicKey = alipayPublicKey; }
        public String getAppId() { return appId; }
        public void setAppId(String appId) { this.appId = appId; }
        public String getDefaultTemplateId() { return defaultTemplateId; }
        public void setDefaultTemplateId(String defaultTemplateId) { this.defaultTemplateId = defaultTemplateId; }
        public Map<String, String> getTemplateIds() { return templateIds; }
        public void setTemplateIds(Map<String, String> templateIds) { this.templateIds = templateIds; }
        public String getPage() { return page; }
        public void setPage(String page) { this.page = page; }
    }

    public static class Digest {
        /** When the daily staff digest is made (Spring cron, in {@link #zone}); "-" disables it. */
        private String cron = "0 0 8 * * *";
        private String zone = "Asia/Shanghai";
        /** "Due soon": at most this many working days left (as the case kernel's DUE_SOON). */
        private int dueSoonWorkingDays = 2;

        public String getCron() { return cron; }
        public void setCron(String cron) { this.cron = cron; }
        public String getZone() { return zone; }
        public void setZone(String zone) { this.zone = zone; }
        public int getDueSoonWorkingDays() { return dueSoonWorkingDays; }
        public void setDueSoonWorkingDays(int dueSoonWorkingDays) { this.dueSoonWorkingDays = dueSoonWorkingDays; }
    }
}
