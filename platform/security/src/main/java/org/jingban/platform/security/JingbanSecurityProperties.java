package org.jingban.platform.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code jingban.security.*}. The issuer and its keys are Boot's own
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} / {@code jwk-set-uri} / {@code audiences}.
 */
@ConfigurationProperties("jingban.security")
public class JingbanSecurityProperties {

    /** More public paths ({@code "/x/**"} or {@code "GET /x/**"}) beyond {@link PublicPaths#DEFAULTS}. */
    private List<String> publicPaths = new ArrayList<>();

    public List<String> getPublicPaths() {
        return publicPaths;
    }

    public void setPublicPaths(List<String> publicPaths) {
        this.publicPaths = publicPaths;
    }
}
