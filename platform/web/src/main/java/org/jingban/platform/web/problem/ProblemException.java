package org.jingban.platform.web.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A refusal that reaches the client as an RFC 9457 problem detail ({@code application/problem+json}).
 * Title and detail are Chinese because people read them; {@code type} is stable because programs do.
 * Throw it from handlers, functional routes or filters; {@link ProblemExceptionHandler} renders it.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final List<Violation> violations;
    private final Map<String, Object> properties;

    public ProblemException(int status, String type, String title, String detail,
                            List<Violation> violations, Map<String, Object> properties) {
        super(detail != null ? detail : title);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has a 4xx or 5xx status, not " + status);
        }
        this.status = status;
        this.type = Objects.requireNonNull(type, "type");
        this.title = Objects.requireNonNull(title, "title");
        this.detail = detail;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
        this.properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of(), Map.of());
    }

    /** 400: the submitted form has problems; every one is listed (一次性告知). */
    public static ProblemException validation(List<Violation> violations) {
        return new ProblemException(400, ProblemTypes.VALIDATION_FAILED, "提交的信息未通过校验",
                "共有" + violations.size() + "处信息需要补正，请逐项修改后重新提交", violations, Map.of());
    }

    /** 400: the request itself cannot be understood. */
    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, ProblemTypes.BAD_REQUEST, "请求有误", detail);
    }

    /** 404. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(404, ProblemTypes.NOT_FOUND, "未找到", detail);
    }

    /** 409: the request is valid but clashes with the current state (e.g. already registered). */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, ProblemTypes.CONFLICT, "与当前状态冲突", detail);
    }

    /** 409 with the reasons listed. */
    public static ProblemException conflict(String detail, List<Violation> violations) {
        return new ProblemException(409, ProblemTypes.CONFLICT, "与当前状态冲突", detail, violations, Map.of());
    }

    /** 422: well-formed, but a business rule refuses it (e.g. 不符合办理条件). */
    public static ProblemException unprocessable(String detail) {
        return new ProblemException(422, ProblemTypes.UNPROCESSABLE, "不符合办理条件", detail);
    }

    /** 422 with every reason listed. */
    public static ProblemException unprocessable(String detail, List<Violation> violations) {
        return new ProblemException(422, ProblemTypes.UNPROCESSABLE, "不符合办理条件", detail, violations, Map.of());
    }

    /** 403. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, ProblemTypes.FORBIDDEN, "无权办理", detail);
    }

    /** A copy with one more extension member in the problem body (e.g. {@code caseId}). */
    public ProblemException withProperty(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(name, value);
        return new ProblemException(status, type, title, detail, violations, more);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<Violation> violations() {
        return violations;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
