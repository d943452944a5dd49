package org.jingban.platform.security.openapi;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
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
 * and in words (可调用：…) in the description; and <b>every problem answer</b> an operation can give, as
 * {@code application/problem+json} with the {@code Problem} schema, by what the operation is: 400 where it takes
 * parameters or a body, 401/403 unless public, 404, 409/422 for a change, 413/415 with a body, 429/500/503 everywhere
 * (the gateway's limits, the kernel's failures). An operation's own {@code @ApiResponse} stays as written. The
 * authorization matrix fails on any answer an operation's document does not list.
 */
public class AccessDocumentation implements OperationCustomizer, GlobalOpenApiCustomizer {

    public static final String ACCESS = "x-jingban-access";
    public static final String PUBLIC = "x-jingban-public";
    public static final String SCHEME = "bearer";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Map<String, String> ROLE_NAMES = Map.of(
            "INSURED_PERSON", "参保人", "EMPLOYER_AGENT", "参保单位经办人", "INSTITUTION", "定点医药机构",
            "CLERK", "经办人员（受理）", "REVIEWER", "审核人员", "FINANCE", "财务人员", "DIRECTOR", "负责人",
            "OPS", "运维人员", "SYSTEM", "系统客户端");

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
        problemSchemas(openApi.getComponents());
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (isPublic(method, path)) {
                operation.addExtension(PUBLIC, true);
                operation.setSecurity(List.of()); // no lock in Swagger UI
            }
            problems(path, method, operation);
            roles(operation);
        }));
    }

    /** The problem body every 4xx and 5xx answer has (platform/web's ProblemExceptionHandler writes it). */
    private static void problemSchemas(Components components) {
        components.addSchemas("Violation", new ObjectSchema()
                .description("一个有问题的字段（一次性告知：全部问题一次列出）")
                .addProperty("field", new StringSchema().description("字段（JSON 路径，如 被委托人.姓名）"))
                .addProperty("code", new StringSchema().description("规则代码，如 required、id-number.check-digit"))
                .addProperty("message", new StringSchema().description("中文说明")));
        components.addSchemas(PROBLEM, new ObjectSchema()
                .description("问题详情（RFC 9457）")
                .addProperty("type", new StringSchema().description("问题类型 URN，如 urn:jingban:problem:validation-failed"))
                .addProperty("title", new StringSchema().description("中文标题"))
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("requestId", new StringSchema().description("请求编号（X-Request-Id），咨询时请提供"))
                .addProperty("violations", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/Violation")))
                .required(List.of("type", "title", "status")));
    }

    private static void problems(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, String> codes = new LinkedHashMap<>();
        boolean body = operation.getRequestBody() != null;
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean secured = operation.getExtensions() != null && operation.getExtensions().containsKey(ACCESS);
        boolean change = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if (body || !parameters.isEmpty()) {
            codes.put("400", "请求有误：violations 列出全部问题（一次性告知），未保存任何内容");
        }
        if (secured) {
            codes.put("401", "未登录或令牌无效");
            codes.put("403", "角色无权调用该接口，或违反不相容岗位分离");
        }
        if (path.contains("{") || secured) {
            codes.put("404", "对象不存在，或不属于调用者（不泄露他人对象是否存在）");
        }
        if (change) {
            codes.put("409", "与当前状态冲突（并发修改、重复提交、幂等键正在处理或被用于不同请求）");
            codes.put("422", "不符合办理条件：violations 列出全部原因");
        }
        if (body) {
            codes.put("413", "请求内容过大");
            codes.put("415", "内容类型不支持（请用 application/json）");
        }
        codes.put("429", "请求过于频繁（网关限流），按 Retry-After 重试");
        codes.put("500", "系统内部错误（凭 requestId 咨询）");
        codes.put("503", "依赖的服务暂不可用，请稍后重试");
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        codes.forEach((code, description) -> operation.getResponses().computeIfAbsent(code, c -> new ApiResponse()
                .description(description)
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
    }

    @SuppressWarnings("unchecked")
    private static void roles(Operation operation) {
        Object access = operation.getExtensions() == null ? null : operation.getExtensions().get("x-jingban-access");
        if (!(access instanceof Map<?, ?> map) || !(map.get("roles") instanceof List<?> roles)) {
            return;
        }
        Set<String> names = roles.stream().map(r -> ROLE_NAMES.getOrDefault(String.valueOf(r), String.valueOf(r)))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        if (map.get("scopes") instanceof List<?> scopes && !scopes.isEmpty()) {
            names.add("系统客户端（权限范围 " + scopes.stream().map(String::valueOf).collect(Collectors.joining("、")) + "）");
        }
        if (names.isEmpty()) {
            return;
        }
        String line = "可调用：" + String.join("、", names) + ("PATH".equals(map.get("object")) ? "（仅限本人/本单位/本机构或本地区工作人员）" : "");
        String description = operation.getDescription();
        if (description == null || !description.contains("可调用：")) {
            operation.setDescription(description == null || description.isBlank() ? line : description + "\n\n" + line);
        }
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
