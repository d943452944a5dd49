package org.jingban.settlement.monthly;

import org.jingban.platform.payments.BankPort;
import org.jingban.platform.payments.SimulatedBank;

import java.time.Clock;
import java.time.Duration;

import com.mongodb.reactivestreams.client.MongoClient;
import org.jingban.settlement.direct.Settlement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/** The monthly settlement's settings, its bank (the simulated one of platform/payments by default) and its indexes. */
@Configuration
@EnableConfigurationProperties(MonthlySettlementProperties.class)
class MonthlyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MonthlyConfiguration.class);

    /** The simulated bank (platform/payments) unless a region's adapter is configured as a {@link BankPort} bean. */
    @Bean
    @ConditionalOnMissingBean(BankPort.class)
    SimulatedBank simulatedBank(MongoClient client, Clock clock, MonthlySettlementProperties properties) {
        log.warn("结算款拨付使用模拟银行（库{}）：未配置地区银行接口", properties.simulatedBank().database());
        return new SimulatedBank(client, properties.simulatedBank().database(), clock,
                properties.simulatedBank().confirmDelay());
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes(ApplicationReadyEvent ready) {
        ReactiveMongoTemplate mongo = ready.getApplicationContext().getBean(ReactiveMongoTemplate.class);
        mongo.indexOps(Settlement.class).createIndex(new Index().on("institutionCode", Sort.Direction.ASC)
                        .on("visitDate", Sort.Direction.ASC).named("institution_visitDate"))
                .then(mongo.indexOps(DeclaredLine.class).createIndex(new Index().on("caseId", Sort.Direction.ASC)
                        .on("uploadId", Sort.Direction.ASC).on("lineNo", Sort.Direction.ASC).named("case_upload_line")))
                .then(ready.getApplicationContext().getBean(InstitutionPayments.class).createIndexes())
                .block(Duration.ofSeconds(30));
    }
}
