package org.jingban.platform.messaging;

/** Kafka header names of the CloudEvents Kafka protocol binding, binary mode. */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    /** The extension attribute carrying the 医保区划 code. */
    public static final String REGION_CODE = "ce_regioncode";
    /** The CloudEvents distributed-tracing extension attribute (W3C trace context). */
    public static final String TRACEPARENT = "ce_traceparent";
    /** The plain W3C trace-context header that Kafka instrumentation (Spring Kafka's observation) reads. */
    public static final String W3C_TRACEPARENT = "traceparent";
    /** {@code datacontenttype} travels as the plain content-type header in binary mode. */
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }
}
