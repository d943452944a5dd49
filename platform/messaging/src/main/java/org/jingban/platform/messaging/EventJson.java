package org.jingban.platform.messaging;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of event data (Jackson 3). One fixed mapper rather than each application's, so that an
 * event's JSON does not change with a service's web settings; unknown fields are ignored on read so
 * that a consumer keeps working when a producer adds a field to a {@code .v1} type. Amounts
 * ({@code BigDecimal}) are written as strings ({@code "1234.50"}, ARCHITECTURE.md §4) so that no
 * consumer reads yuan through a double; dates and times as ISO-8601 strings.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .withConfigOverride(BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
            .build();

    private EventJson() {
    }

    public static String write(Object data) {
        if (data == null) {
            return "{}";
        }
        if (data instanceof String json) {
            return json;
        }
        return MAPPER.writeValueAsString(data);
    }

    public static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json == null ? "{}" : json, type);
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
