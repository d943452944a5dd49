package org.jingban.platform.web.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.util.MimeType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON decoder of request bodies: the text policy's checks of one body are collected while the whole body is read
 * and refused once, every refused value named (一次性告知) — not only the first, as a failure inside deserialisation
 * would. Other decoding problems (malformed JSON, a number where text belongs) still fail at once, as Jackson does.
 */
public class TextCheckingJsonDecoder extends JacksonJsonDecoder {

    /** The per-read attribute under which {@link TextPolicyModule} collects refusals instead of throwing. */
    static final String REFUSALS = TextCheckingJsonDecoder.class.getName() + ".refusals";

    public TextCheckingJsonDecoder(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    public Object decode(DataBuffer dataBuffer, ResolvableType targetType, MimeType mimeType, Map<String, Object> hints)
            throws DecodingException {
        List<UnsafeTextException.Refusal> refusals = new ArrayList<>();
        Map<String, Object> collecting = hints == null ? new HashMap<>() : new HashMap<>(hints);
        collecting.put(REFUSALS, refusals);
        Object value = super.decode(dataBuffer, targetType, mimeType, collecting);
        if (!refusals.isEmpty()) {
            throw new DecodingException("请求内容中的文本不符合要求", new UnsafeTextException(null, refusals));
        }
        return value;
    }

    @Override
    protected ObjectReader customizeReader(ObjectReader reader, ResolvableType elementType, Map<String, Object> hints) {
        ObjectReader customized = super.customizeReader(reader, elementType, hints);
        Object refusals = hints == null ? null : hints.get(REFUSALS);
        return refusals == null ? customized : customized.withAttribute(REFUSALS, refusals);
    }
}
