package org.jingban.notification;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.jingban.notification.channel.AlipayMessageChannel;
import org.jingban.notification.channel.AliyunSmsChannel;
import org.jingban.notification.channel.InboxChannel;
import org.jingban.notification.channel.LocalSinkGateway;
import org.jingban.notification.channel.MessageChannel;
import org.jingban.notification.channel.ProviderGateway;
import org.jingban.notification.channel.WeChatSubscribeChannel;
import org.jingban.notification.channel.live.AlipayOpenApiClient;
import org.jingban.notification.channel.live.AliyunSmsClient;
import org.jingban.notification.channel.live.LiveGateway;
import org.jingban.notification.channel.live.ProviderClient;
import org.jingban.notification.channel.live.ProviderHttp;
import org.jingban.notification.channel.live.SendJournal;
import org.jingban.notification.channel.live.WeChatAccessTokens;
import org.jingban.notification.channel.live.WeChatSubscribeClient;
import org.jingban.notification.recipient.ContactRecords;
import org.jingban.notification.digest.DigestService;
import org.jingban.notification.intake.CaseEventIntake;
import org.jingban.notification.intake.CaseEventListener;
import org.jingban.notification.message.Dispatcher;
import org.jingban.notification.message.ProviderRateLimiter;
import org.jingban.notification.message.QuietHours;
import org.jingban.notification.recipient.ContactBook;
import org.jingban.platform.calendar.WorkingDayCalendar;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.messaging.InboxApplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock notificationClock() {
        return Clock.system(java.time.ZoneId.of("Asia/Shanghai"));
    }

    /**
     * Each channel's requests go to the local sink ({@code channel_sink}, the default) or, with
     * {@code jingban.notification.<sms|wechat|alipay>.transport: live}, to the real provider through its signing
     * client and the send journal.
     */
    @Bean
    @ConditionalOnMissingBean
    ProviderGateway providerGateway(ReactiveMongoTemplate mongo, Clock clock, NotificationProperties properties) {
        LocalSinkGateway sink = new LocalSinkGateway(mongo, clock);
        List<ProviderClient> live = liveClients(properties, clock);
        return live.isEmpty() ? sink : new LiveGateway(live, sink, new SendJournal(mongo, clock));
    }

    static List<ProviderClient> liveClients(NotificationProperties properties, Clock clock) {
        List<ProviderClient> clients = new java.util.ArrayList<>();
        ProviderHttp http = new ProviderHttp(properties.getHttp());
        if (properties.getSms().getTransport() == NotificationProperties.Transport.LIVE) {
            clients.add(new AliyunSmsClient(http, properties.getSms(), clock));
        }
        if (properties.getWechat().getTransport() == NotificationProperties.Transport.LIVE) {
            clients.add(new WeChatSubscribeClient(http, properties.getWechat(),
                    new WeChatAccessTokens(http, properties.getWechat(), clock)));
        }
        if (properties.getAlipay().getTransport() == NotificationProperties.Transport.LIVE) {
            clients.add(new AlipayOpenApiClient(http, properties.getAlipay()));
        }
        return clients;
    }

    @Bean
    AliyunSmsChannel smsChannel(ProviderGateway gateway, NotificationProperties properties) {
        return new AliyunSmsChannel(gateway, properties.getSms());
    }

    @Bean
    WeChatSubscribeChannel weChatChannel(ProviderGateway gateway, NotificationProperties properties) {
        return new WeChatSubscribeChannel(gateway, properties.getWechat());
    }

    @Bean
    AlipayMessageChannel alipayChannel(ProviderGateway gateway, NotificationProperties properties, Clock clock) {
        return new AlipayMessageChannel(gateway, properties.getAlipay(), clock);
    }

    @Bean
    InboxChannel inboxChannel(ReactiveMongoTemplate mongo, Clock clock) {
        return new InboxChannel(mongo, clock);
    }

    @Bean
    QuietHours quietHours(NotificationProperties properties) {
        return new QuietHours(properties.getQuietHours());
    }

    @Bean
    ProviderRateLimiter providerRateLimiter(NotificationProperties properties, Clock clock) {
        return new ProviderRateLimiter(properties.getRateLimits(), clock);
    }

    @Bean
    Dispatcher dispatcher(ReactiveMongoTemplate mongo, List<MessageChannel> channels, QuietHours quietHours,
                          ProviderRateLimiter rateLimiter, NotificationProperties properties, Clock clock,
                          ObjectProvider<MeterRegistry> meters, ContactBook contacts, ProviderGateway gateway) {
        return new Dispatcher(mongo, channels, quietHours, rateLimiter, properties.getDispatch(), clock,
                meters.getIfAvailable(() -> Metrics.globalRegistry), contacts, gateway);
    }

    @Bean
    ContactBook contactBook(ReactiveMongoTemplate mongo, Clock clock) {
        return new ContactBook(mongo, clock);
    }

    @Bean
    ContactRecords contactRecords(ContactBook contacts, Clock clock) {
        return new ContactRecords(contacts, clock);
    }

    @Bean
    CaseEventIntake caseEventIntake(ReactiveMongoTemplate mongo, InboxApplier inbox, Catalog catalog,
                                    ContactBook contacts, QuietHours quietHours, Dispatcher dispatcher, Clock clock,
                                    ObjectProvider<MeterRegistry> meters) {
        return new CaseEventIntake(mongo, inbox, catalog, contacts, quietHours, dispatcher, clock,
                meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    CaseEventListener caseEventListener(CaseEventIntake intake, ContactRecords records) {
        return new CaseEventListener(intake, records);
    }

    @Bean
    DigestService digestService(ReactiveMongoTemplate mongo, WorkingDayCalendar calendar,
                                NotificationProperties properties, Clock clock) {
        return new DigestService(mongo, calendar, properties.getDigest(), clock);
    }
}
