package org.jingban.platform.security.autoconfigure;

import java.time.Clock;

import org.jingban.platform.security.audit.AuditTrail;
import org.jingban.platform.security.audit.AuditTrailHandlers;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The audit trail and its ops query, in every service that has its own MongoDB (not the gateway). */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration")
@ConditionalOnClass(ReactiveMongoTemplate.class)
@ConditionalOnBean(ReactiveMongoTemplate.class)
@ConditionalOnProperty(prefix = "jingban.security.audit", name = "enabled", havingValue = "true", matchIfMissing = true)
public class AuditAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public AuditTrail jingbanAuditTrail(ReactiveMongoTemplate mongo,
                                        @Value("${spring.application.name:unknown}") String service) {
        return new AuditTrail(mongo, service, Clock.systemUTC());
    }

    /** Indexes once the context is up; a failure only delays them (queries still work, slower). */
    @Bean
    SmartInitializingSingleton jingbanAuditIndexes(AuditTrail trail) {
        return () -> trail.createIndexes().onErrorComplete().subscribe();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnMissingBean
    public AuditTrailHandlers jingbanAuditTrailHandlers(AuditTrail trail) {
        return new AuditTrailHandlers(trail);
    }
}
