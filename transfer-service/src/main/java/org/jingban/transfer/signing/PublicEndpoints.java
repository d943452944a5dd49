package org.jingban.transfer.signing;

import org.jingban.platform.security.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Verification is for anyone holding a document (e.g. the 转入地 office of another system): no token needed. */
@Configuration(proxyBeanMethods = false)
class PublicEndpoints {

    @Bean
    PublicPaths transferPublicPaths() {
        return PublicPaths.of("POST /api/v1/transfer/certificates/verification", "GET /api/v1/transfer/offices/*/certificate");
    }
}
