package org.jingban.platform.service.openapi;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Every service's API document as a client must read it ({@link ApiDocumentation}). */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
public class ApiDocumentationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ApiDocumentation jingbanApiDocumentation() {
        return new ApiDocumentation();
    }

    /**
     * Nested types named with their enclosing type ({@link NestedTypeNames}). First in the bean order, so springdoc
     * registers it last of its converters: its wrappers (Mono, ResponseEntity …) still unwrap before it resolves.
     */
    @Bean
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    io.swagger.v3.core.converter.ModelConverter jingbanNestedTypeNames(
            org.springdoc.core.providers.ObjectMapperProvider mappers) {
        return NestedTypeNames.resolver(mappers.jsonMapper(), mappers.isOpenapi31());
    }

    @Bean
    @ConditionalOnMissingBean
    OneOfDocumentation jingbanOneOfDocumentation() {
        return new OneOfDocumentation();
    }
}
