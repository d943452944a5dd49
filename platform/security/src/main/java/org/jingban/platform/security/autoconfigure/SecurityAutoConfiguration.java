package org.jingban.platform.security.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jingban.platform.security.AccessWebFilter;
import org.jingban.platform.security.Caller;
import org.jingban.platform.security.CallerArgumentResolver;
import org.jingban.platform.security.CallerJwtConverter;
import org.jingban.platform.security.JingbanJwtDecoder;
import org.jingban.platform.security.JingbanSecurityProperties;
import org.jingban.platform.security.ProblemSecurityHandlers;
import org.jingban.platform.security.PublicPaths;
import org.jingban.platform.security.Role;
import org.jingban.platform.security.TrustedJwtKey;
import org.jingban.platform.security.openapi.AccessDocumentation;
import org.jingban.platform.web.problem.ProblemExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * Every Jingban reactive application (services and gateway) is an OAuth2 resource server: JWTs
 * verified by the configured issuer's JWKS or an in-process {@link TrustedJwtKey}, callers built by
 * {@link CallerJwtConverter}, public paths open, everything else authenticated, other actuator
 * endpoints for ops, 401/403 as problems, {@code @Access} enforced, {@code Caller} handler parameters.
 */
@AutoConfiguration(
        before = org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration.class,
        beforeName = {
                "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration"},
        afterName = "org.jingban.platform.web.WebAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(JingbanSecurityProperties.class)
@EnableWebFluxSecurity
public class SecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityAutoConfiguration.class);

    static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

    @Bean
    @ConditionalOnMissingBean
    public ReactiveJwtDecoder jingbanJwtDecoder(Environment env, ObjectProvider<TrustedJwtKey> trusted) {
        String jwkSetUri = env.getProperty(JWT + "jwk-set-uri", "");
        String issuer = env.getProperty(JWT + "issuer-uri", "");
        List<String> audiences = List.of(env.getProperty(JWT + "audiences", String[].class, new String[0]));
        NimbusReactiveJwtDecoder remote = null;
        if (!jwkSetUri.isBlank()) {
            remote = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).build();
        } else if (!issuer.isBlank()) {
            remote = NimbusReactiveJwtDecoder.withIssuerLocation(issuer).build();
        }
        if (remote != null) {
            List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
            validators.add(issuer.isBlank() ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer));
            if (!audiences.isEmpty()) {
                validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
            }
            remote.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        }
        List<TrustedJwtKey> keys = trusted.orderedStream().toList();
        if (remote == null && keys.isEmpty()) {
            log.warn("未配置令牌签发方（{}jwk-set-uri 或 issuer-uri）：所有令牌都将被拒绝", JWT);
        }
        return new JingbanJwtDecoder(keys, remote);
    }

    @Bean
    @ConditionalOnMissingBean
    public ProblemSecurityHandlers jingbanProblemSecurityHandlers(ProblemExceptionHandler problems) {
        return new ProblemSecurityHandlers(problems);
    }

    @Bean
    @ConditionalOnMissingBean
    public SecurityWebFilterChain jingbanSecurityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
                                                                ProblemSecurityHandlers handlers,
                                                                JingbanSecurityProperties properties,
                                                                ObjectProvider<PublicPaths> more) {
        List<String> open = openPaths(properties, more);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(headers -> headers.referrerPolicy(referrer ->
                        referrer.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER)))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(HttpMethod.OPTIONS, "/**").permitAll(); // CORS preflight
                    for (String entry : open) {
                        String[] parts = entry.trim().split("\\s+", 2);
                        if (parts.length == 2) {
                            exchanges.pathMatchers(HttpMethod.valueOf(parts[0]), parts[1]).permitAll();
                        } else {
                            exchanges.pathMatchers(parts[0]).permitAll();
                        }
                    }
                    exchanges.pathMatchers("/actuator/**").hasRole(Role.OPS.name());
                    exchanges.anyExchange().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(new CallerJwtConverter()))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .build();
    }

    static List<String> openPaths(JingbanSecurityProperties properties, ObjectProvider<PublicPaths> more) {
        List<String> open = new ArrayList<>(PublicPaths.DEFAULTS);
        open.addAll(properties.getPublicPaths());
        more.orderedStream().forEach(paths -> open.addAll(paths.patterns()));
        return open;
    }

    /** {@code x-jingban-access} and {@code x-jingban-public} in the API document (see {@link AccessDocumentation}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OperationCustomizer")
    static class AccessDocumentationConfiguration {

        static {
            // a handler's Caller is the token's subject, resolved by CallerArgumentResolver: no request parameter
            SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
        }

        @Bean
        @ConditionalOnMissingBean
        AccessDocumentation jingbanAccessDocumentation(JingbanSecurityProperties properties,
                                                       ObjectProvider<PublicPaths> more) {
            return new AccessDocumentation(openPaths(properties, more));
        }
    }

    @Bean
    @ConditionalOnMissingBean
    public AccessWebFilter jingbanAccessWebFilter(
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        return new AccessWebFilter(mappings);
    }

    @Bean
    public WebFluxConfigurer jingbanCallerArgument() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new CallerArgumentResolver());
            }
        };
    }
}
