package org.jingban.transfer;

import java.time.Clock;

import org.jingban.platform.cases.Case;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TransferConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(Case.ZONE);
    }
}
