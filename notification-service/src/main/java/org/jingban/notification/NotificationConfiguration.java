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

    /** Local mode: providers' requests go to the channel_sink collection (the only mode so far). */
    @Bean
    @ConditionalOnMissingBean
    ProviderGateway providerGateway(ReactiveMongoTemplate mongo, Clock clock) {
        return new LocalSinkGateway(mongo, clock);
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
                          ObjectProvider<MeterRegistry> meters) {
        return new Dispatcher(mongo, channels, quietHours, rateLimiter, properties.getDispatch(), clock,
                meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    ContactBook contactBook(ReactiveMongoTemplate mongo) {
        return new ContactBook(mongo);
    }

    @Bean
    CaseEventIntake caseEventIntake(ReactiveMongoTemplate mongo, InboxApplier inbox, Catalog catalog,
                                    ContactBook contacts, QuietHours quietHours, Dispatcher dispatcher, Clock clock,
                                    ObjectProvider<MeterRegistry> meters) {
        return new CaseEventIntake(mongo, inbox, catalog, contacts, quietHours, dispatcher, clock,
                meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    CaseEventListener caseEventListener(CaseEventIntake intake) {
        return new CaseEventListener(intake);
    }

    @Bean
    DigestService digestService(ReactiveMongoTemplate mongo, WorkingDayCalendar calendar,
                                NotificationProperties properties, Clock clock) {
        return new DigestService(mongo, calendar, properties.getDigest(), clock);
    }
}
