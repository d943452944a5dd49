package org.jingban.transfer;

import java.time.Clock;

import org.jingban.platform.cases.Case;
import org.jingban.transfer.national.NationalPlatformProperties;
import org.jingban.transfer.signing.SigningProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SigningProperties.class, TransferProperties.class, NationalPlatformProperties.class})
class TransferConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(Case.ZONE);
    }
}
