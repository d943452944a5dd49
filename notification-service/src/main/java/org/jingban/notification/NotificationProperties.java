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

    public Dispatch getDispatch() { return dispatch; }
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

    public static class Sms {
        /** Aliyun 短信签名; empty uses the handling office's name (【经办机构落款】). */
        private String signName;
        /** Aliyun TemplateCode by {@code itemCode:event}. */
        private Map<String, String> templateCodes = new LinkedHashMap<>();

        public String getSignName() { return signName; }
        public void setSignName(String signName) { this.signName = signName; }
        public Map<String, String> getTemplateCodes() { return templateCodes; }
        public void setTemplateCodes(Map<String, String> templateCodes) { this.templateCodes = templateCodes; }
    }

    public static class WeChat {
        private String defaultTemplateId = "jingban-case-result";
        /** subscribe-message template id by template event (completed, failed …). */
        private Map<String, String> templateIds = new LinkedHashMap<>();
        private String page = "pages/messages/detail";
        /** developer, trial or formal. */
        private String miniprogramState = "formal";

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
        private String appId = "local";
        private String defaultTemplateId = "jingban-case-result";
        private Map<String, String> templateIds = new LinkedHashMap<>();
        private String page = "pages/messages/detail";

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
