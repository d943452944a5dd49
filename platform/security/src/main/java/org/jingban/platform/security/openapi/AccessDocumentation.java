package org.jingban.platform.security.openapi;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.jingban.platform.security.Access;
import org.jingban.platform.security.Role;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Publishes who may call each operation in the API document, so the authorization-matrix test (and a
 * reader) knows it without the code:
 * <pre>
 * x-jingban-access: {roles: [INSURED_PERSON, CLERK], scopes: [cases:read], object: PATH}
 * x-jingban-public: true        (operations served without a token)
 * </pre>
 */
public class AccessDocumentation implements OperationCustomizer, GlobalOpenApiCustomizer {

    public static final String ACCESS = "x-jingban-access";
    public static final String PUBLIC = "x-jingban-public";
    public static final String SCHEME = "bearer";

    private final List<String> publicPaths;

    public AccessDocumentation(List<String> publicPaths) {
        this.publicPaths = publicPaths;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Access access = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Access.class);
        if (access == null) {
            access = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Access.class);
        }
        if (access != null) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("roles", Arrays.stream(access.value()).map(Role::name).toList());
            value.put("scopes", List.of(access.scopes()));
            value.put("object", access.object().name());
            operation.addExtension(ACCESS, value);
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI openApi) {
        // Swagger UI's "Authorize" button: paste a token (locally from POST /dev/tokens)
        if (openApi.getComponents() == null) {
            openApi.components(new Components());
        }
        openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT").description("访问令牌（本地环境可由网关 POST /dev/tokens 签发）"));
        if (openApi.getSecurity() == null || openApi.getSecurity().stream().noneMatch(r -> r.containsKey(SCHEME))) {
            openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
        }
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (isPublic(method, path)) {
                operation.addExtension(PUBLIC, true);
                operation.setSecurity(List.of()); // no lock in Swagger UI
            }
        }));
    }

    private boolean isPublic(PathItem.HttpMethod method, String path) {
        // a template variable stands for any one segment, as the patterns do
        PathContainer container = PathContainer.parsePath(path.replaceAll("\\{[^/]+}", "x"));
        for (String entry : publicPaths) {
            String[] parts = entry.trim().split("\\s+", 2);
            String pattern = parts.length == 2 ? parts[1] : parts[0];
            boolean methodMatches = parts.length < 2 || parts[0].equalsIgnoreCase(method.name());
            PathPattern parsed = PathPatternParser.defaultInstance.parse(pattern);
            if (methodMatches && parsed.matches(container)) {
                return true;
            }
        }
        return false;
    }
}
