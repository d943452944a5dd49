package org.jingban.platform.web.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import org.jingban.platform.identifiers.Masking;
import org.jingban.platform.web.request.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders every error as an RFC 9457 problem ({@code application/problem+json}) with a Chinese title
 * and detail, the request path as {@code instance} and the {@code requestId}. A {@link WebExceptionHandler}
 * rather than a controller advice, so that functional routes and filters are covered too; ordered
 * before Boot's error handler (-1). Internal class names, messages and stack traces never reach the
 * client; unexpected errors are logged with personal data masked.
 */
public class ProblemExceptionHandler implements WebExceptionHandler, Ordered {

    public static final int ORDER = -2;

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final JsonMapper json;
    private final List<ProblemMapper> mappers;

    public ProblemExceptionHandler(JsonMapper json) {
        this(json, List.of());
    }

    public ProblemExceptionHandler(JsonMapper json, List<ProblemMapper> mappers) {
        this.json = json;
        this.mappers = List.copyOf(mappers);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex);
        }
        ProblemException problem = resolve(ex, exchange);
        if (ex instanceof ErrorResponse errorResponse) {
            // e.g. Allow for 405, Accept for 415
            errorResponse.getHeaders().forEach((name, values) -> response.getHeaders().put(name, values));
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.status()));
        response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json.writeValueAsBytes(body(problem, exchange));
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    /** The problem body as a map, in RFC 9457 member order, then our extensions. */
    public Map<String, Object> body(ProblemException problem, ServerWebExchange exchange) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        if (problem.detail() != null) {
            body.put("detail", problem.detail());
        }
        body.put("instance", exchange.getRequest().getPath().value());
        RequestIds.of(exchange).ifPresent(id -> body.put("requestId", id));
        body.put("violations", problem.violations());
        problem.properties().forEach(body::putIfAbsent);
        return body;
    }

    /** Maps any throwable to the problem the client sees. */
    public ProblemException resolve(Throwable ex, ServerWebExchange exchange) {
        for (ProblemMapper mapper : mappers) {
            ProblemException mapped = mapper.map(ex);
            if (mapped != null) {
                return mapped;
            }
        }
        if (ex instanceof ProblemException problem) {
            if (problem.status() == 503) {
                // deliberate: a downstream service is down or a breaker is open; one line, no stack trace
                try (var ignored = RequestIds.mdc(exchange)) {
                    log.warn("服务暂不可用 {} {}：{}", exchange.getRequest().getMethod(),
                            Masking.maskText(exchange.getRequest().getPath().value()), Masking.maskText(problem.detail()));
                }
            } else if (problem.status() >= 500) {
                logUnexpected(ex, exchange);
            }
            return problem;
        }
        if (ex instanceof WebExchangeBindException bind) {
            return ProblemException.validation(violationsOf(bind));
        }
        if (ex instanceof MissingRequestValueException missing) {
            return ProblemException.validation(List.of(Violation.required(missing.getName())));
        }
        if (ex instanceof ServerWebInputException || ex instanceof DecodingException) {
            return inputProblem(ex);
        }
        if (ex instanceof MethodNotAllowedException notAllowed) {
            return new ProblemException(405, ProblemTypes.METHOD_NOT_ALLOWED, "请求方法不被支持",
                    "该地址不支持 " + notAllowed.getHttpMethod() + " 请求");
        }
        if (isSecurityException(ex)) {
            // normally rendered by Spring Security's own filters; this is the fallback if one escapes them
            return isA(ex, "org.springframework.security.access.AccessDeniedException")
                    ? ProblemException.forbidden("没有办理该事项的权限")
                    : new ProblemException(401, ProblemTypes.UNAUTHORIZED, "未登录或登录已失效", "请重新登录后再试");
        }
        if (ex instanceof OptimisticLockingFailureException) {
            return ProblemException.conflict("该记录已被他人修改，请刷新后重试");
        }
        if (ex instanceof DuplicateKeyException) {
            return ProblemException.conflict("该记录已存在，请勿重复提交");
        }
        if (causedBy(ex, DataBufferLimitException.class)) {
            return new ProblemException(413, ProblemTypes.PAYLOAD_TOO_LARGE, "请求内容过大", "请求内容超过允许的大小");
        }
        if (ex instanceof ErrorResponse errorResponse) {
            return byStatus(errorResponse.getStatusCode().value(), ex, exchange);
        }
        logUnexpected(ex, exchange);
        return internal();
    }

    private ProblemException byStatus(int status, Throwable ex, ServerWebExchange exchange) {
        return switch (status) {
            case 400 -> ProblemException.badRequest("请求参数有误，请检查后重新提交");
            case 401 -> new ProblemException(401, ProblemTypes.UNAUTHORIZED, "未登录或登录已失效", "请重新登录后再试");
            case 403 -> ProblemException.forbidden("没有办理该事项的权限");
            case 404 -> ProblemException.notFound("请求的地址或资源不存在");
            case 405 -> new ProblemException(405, ProblemTypes.METHOD_NOT_ALLOWED, "请求方法不被支持",
                    "该地址不支持此请求方法");
            case 406 -> new ProblemException(406, ProblemTypes.NOT_ACCEPTABLE, "无法提供所需格式",
                    "无法以请求的格式返回结果");
            case 409 -> ProblemException.conflict("请求与当前状态冲突");
            case 413 -> new ProblemException(413, ProblemTypes.PAYLOAD_TOO_LARGE, "请求内容过大", "请求内容超过允许的大小");
            case 415 -> new ProblemException(415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型",
                    "请按接口文档规定的内容类型（如 application/json）提交");
            case 422 -> ProblemException.unprocessable("请求未能处理");
            case 503 -> new ProblemException(503, ProblemTypes.SERVICE_UNAVAILABLE, "服务暂不可用", "服务暂不可用，请稍后重试");
            default -> {
                if (status >= 500) {
                    logUnexpected(ex, exchange);
                    yield status == 500 ? internal() : new ProblemException(status, ProblemTypes.SERVICE_UNAVAILABLE,
                            "服务暂不可用", "服务暂不可用，请稍后重试");
                }
                yield new ProblemException(status, ProblemTypes.BAD_REQUEST, "请求未能处理", "请求未能处理，请检查后重试");
            }
        };
    }

    private static ProblemException internal() {
        return new ProblemException(500, ProblemTypes.INTERNAL, "系统内部错误",
                "系统暂时无法处理该请求，请稍后重试；如问题持续，请凭请求编号联系经办机构");
    }

    /** Malformed JSON, a value of the wrong type, an unconvertible path or query parameter. */
    private static ProblemException inputProblem(Throwable ex) {
        org.jingban.platform.web.text.UnsafeTextException unsafe = find(ex, org.jingban.platform.web.text.UnsafeTextException.class);
        if (unsafe != null) {
            return ProblemException.validation(unsafe.refusals().stream()
                    .map(r -> new Violation(r.field(), r.problem().code(), r.problem().message())).toList());
        }
        MismatchedInputException mismatch = find(ex, MismatchedInputException.class);
        if (mismatch != null && !mismatch.getPath().isEmpty()) {
            String field = pathOf(mismatch);
            return ProblemException.validation(List.of(
                    new Violation(field, "invalid-type", "取值类型不正确")));
        }
        TypeMismatchException typeMismatch = find(ex, TypeMismatchException.class);
        if (typeMismatch != null && typeMismatch.getPropertyName() != null) {
            String field = typeMismatch.getPropertyName();
            return ProblemException.validation(List.of(
                    new Violation(field, "invalid-type", "取值类型不正确")));
        }
        if (find(ex, JacksonException.class) != null || find(ex, DecodingException.class) != null) {
            // the whole body is at fault: one violation naming it, so that a client shows something to correct
            return new ProblemException(400, ProblemTypes.BAD_REQUEST, "请求有误", "请求内容不是有效的 JSON，请检查格式后重新提交",
                    List.of(new Violation("请求内容", "malformed-json", "请求内容不是有效的 JSON")), Map.of());
        }
        return ProblemException.badRequest("请求参数有误，请检查后重新提交");
    }

    private static String pathOf(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "请求内容" : path.toString();
    }

    private static List<Violation> violationsOf(WebExchangeBindException bind) {
        List<Violation> violations = new ArrayList<>();
        for (ObjectError error : bind.getAllErrors()) {
            String field = error instanceof FieldError fieldError ? fieldError.getField() : error.getObjectName();
            String code = error.getCode() == null ? "invalid" : error.getCode();
            violations.add(new Violation(field, kebab(code), chineseMessage(code, error)));
        }
        return violations;
    }

    /**
     * A message the form's author wrote on the constraint wins; for the validator's built-in messages
     * (templates like {@code {jakarta.validation.constraints.NotBlank.message}}, rendered in the
     * server's locale) a Chinese one is given by constraint. The field travels separately, so the
     * message does not repeat the (often English) property name.
     */
    private static String chineseMessage(String code, ObjectError error) {
        ConstraintViolation<?> violation = constraintViolation(error);
        if (violation != null && !isBuiltInTemplate(violation.getMessageTemplate())) {
            return violation.getMessage();
        }
        if (violation == null && error.getDefaultMessage() != null && error.getDefaultMessage().codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return error.getDefaultMessage();
        }
        Map<String, Object> attributes = violation == null ? Map.of()
                : violation.getConstraintDescriptor().getAttributes();
        return switch (code) {
            case "NotNull", "NotBlank", "NotEmpty" -> "不能为空";
            case "Size", "Length" -> attributes.containsKey("min") && attributes.containsKey("max")
                    ? "长度须在" + attributes.get("min") + "至" + attributes.get("max") + "之间"
                    : "长度不符合要求";
            case "Pattern" -> "格式不正确";
            case "Email" -> "不是有效的电子邮箱地址";
            case "Min", "DecimalMin" -> attributes.containsKey("value")
                    ? "不能小于" + attributes.get("value") : "取值过小";
            case "Max", "DecimalMax" -> attributes.containsKey("value")
                    ? "不能大于" + attributes.get("value") : "取值过大";
            case "Positive" -> "须大于0";
            case "PositiveOrZero" -> "不能小于0";
            case "Negative" -> "须小于0";
            case "NegativeOrZero" -> "不能大于0";
            case "Digits" -> "数字位数不符合要求";
            case "Past" -> "须为过去的日期";
            case "PastOrPresent" -> "不能晚于今天";
            case "Future" -> "须为将来的日期";
            case "FutureOrPresent" -> "不能早于今天";
            case "AssertTrue", "AssertFalse" -> "不符合要求";
            default -> "取值不正确";
        };
    }

    private static boolean isBuiltInTemplate(String template) {
        return template != null && (template.startsWith("{jakarta.validation.constraints.")
                || template.startsWith("{org.hibernate.validator.constraints."));
    }

    private static ConstraintViolation<?> constraintViolation(ObjectError error) {
        try {
            return error.unwrap(ConstraintViolation.class);
        } catch (IllegalArgumentException notFromBeanValidation) {
            return null;
        }
    }

    /** NotBlank -> not-blank, so codes look like ours. */
    private static String kebab(String code) {
        return code.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static void logUnexpected(Throwable ex, ServerWebExchange exchange) {
        try (var ignored = RequestIds.mdc(exchange)) {
            log.error("未处理的异常 {} {}", exchange.getRequest().getMethod(),
                    Masking.maskText(exchange.getRequest().getPath().value()), MaskedThrowable.of(ex));
        }
    }

    /**
     * Spring Security's access-denied and authentication exceptions, recognised by name so that this
     * module does not depend on Spring Security. Filters that resolve errors themselves let these pass,
     * so Security can answer them (with its WWW-Authenticate header, say).
     */
    public static boolean isSecurityException(Throwable ex) {
        return isA(ex, "org.springframework.security.access.AccessDeniedException")
                || isA(ex, "org.springframework.security.core.AuthenticationException");
    }

    private static boolean isA(Throwable ex, String className) {
        for (Class<?> type = ex.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        return find(ex, type) != null;
    }

    private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
