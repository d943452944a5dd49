package org.jingban.platform.web.problem;

/** Stable problem {@code type} URNs; clients may switch on them, so never rename one. */
public final class ProblemTypes {

    private static final String PREFIX = "urn:jingban:problem:";

    public static final String VALIDATION_FAILED = PREFIX + "validation-failed";
    public static final String BAD_REQUEST = PREFIX + "bad-request";
    public static final String NOT_FOUND = PREFIX + "not-found";
    public static final String CONFLICT = PREFIX + "conflict";
    public static final String UNPROCESSABLE = PREFIX + "unprocessable";
    public static final String FORBIDDEN = PREFIX + "forbidden";
    public static final String UNAUTHORIZED = PREFIX + "unauthorized";
    public static final String METHOD_NOT_ALLOWED = PREFIX + "method-not-allowed";
    public static final String NOT_ACCEPTABLE = PREFIX + "not-acceptable";
    public static final String UNSUPPORTED_MEDIA_TYPE = PREFIX + "unsupported-media-type";
    public static final String PAYLOAD_TOO_LARGE = PREFIX + "payload-too-large";
    public static final String TOO_MANY_REQUESTS = PREFIX + "too-many-requests";
    public static final String IDEMPOTENCY_KEY_REUSED = PREFIX + "idempotency-key-reused";
    public static final String REQUEST_IN_PROGRESS = PREFIX + "request-in-progress";
    public static final String SERVICE_UNAVAILABLE = PREFIX + "service-unavailable";
    public static final String INTERNAL = PREFIX + "internal";

    private ProblemTypes() {
    }
}
