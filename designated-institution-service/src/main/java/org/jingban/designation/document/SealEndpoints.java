package org.jingban.designation.document;

import org.jingban.platform.security.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An office's certificate is for anyone holding one of its documents (checking a seal offline): no token needed, as
 * transfer-service serves its offices' certificates.
 */
@Configuration(proxyBeanMethods = false)
class SealEndpoints {

    @Bean
    PublicPaths designationSealPaths() {
        return PublicPaths.of("GET /api/v1/designated-institutions/seals/*");
    }
}
