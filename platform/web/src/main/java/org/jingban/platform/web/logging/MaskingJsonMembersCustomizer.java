package org.jingban.platform.web.logging;

import java.util.Set;

import org.jingban.platform.identifiers.Masking;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * JSON logs (Boot structured logging, {@code logback-json.xml}) masked as the text logs are: every string value of a
 * log line — the message, the stack trace, MDC values — passes through {@link Masking#maskText} (证件号码, 手机号,
 * 银行账号). The trace and span ids are left as they are. Named by {@code logging.structured.json.customizer}.
 */
public class MaskingJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

    private static final Set<String> TRACE_KEYS = Set.of("traceId", "spanId", "trace.id", "span.id");

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, Masking::maskText)
                .whenHasPath(path -> path == null || !TRACE_KEYS.contains(path.name())));
    }
}
