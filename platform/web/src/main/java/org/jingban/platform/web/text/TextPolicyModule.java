package org.jingban.platform.web.text;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.jingban.platform.identifiers.TextPolicy;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Every string of every request body through the {@link TextPolicy}: NFC-normalised, no control or bidirectional
 * characters, and the name rules by the field's (catalog) name; and no number or boolean read as a string — amounts
 * and codes are strings in the documents, so {@code 1.5} never becomes {@code "1.5"} (floating point must not reach
 * money). Read by the web decoder ({@link TextCheckingJsonDecoder}), every refused value of a body is collected and
 * the request fails once, naming them all; read elsewhere, the first refused value fails the read
 * ({@link UnsafeTextException}).
 */
public final class TextPolicyModule extends SimpleModule {

    public TextPolicyModule() {
        super("jingban-text-policy");
        addDeserializer(String.class, new PolicyStringDeserializer());
    }

    /** Registers the module and the coercion rules on a mapper being built. */
    public static JsonMapper.Builder apply(JsonMapper.Builder builder) {
        return builder.addModule(new TextPolicyModule())
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    static final class PolicyStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            if (value == null) {
                return null;
            }
            String normalised = TextPolicy.normalise(value);
            TextPolicy.check(TextPolicy.kindOf(fieldName(p)), normalised).ifPresent(problem -> {
                UnsafeTextException.Refusal refusal = new UnsafeTextException.Refusal(pathOf(p), problem);
                if (ctxt.getAttribute(TextCheckingJsonDecoder.REFUSALS) instanceof List<?> collecting) {
                    @SuppressWarnings("unchecked")
                    List<UnsafeTextException.Refusal> refusals = (List<UnsafeTextException.Refusal>) collecting;
                    refusals.add(refusal);
                } else {
                    throw new UnsafeTextException(p, List.of(refusal));
                }
            });
            return normalised;
        }

        /** The value's place in the body: {@code 被委托人.姓名}, {@code 材料[2]}; {@code 请求内容} for a bare string. */
        private static String pathOf(JsonParser p) {
            Deque<String> segments = new ArrayDeque<>();
            for (TokenStreamContext c = p.streamReadContext(); c != null && !c.inRoot(); c = c.getParent()) {
                if (c.inArray()) {
                    segments.addFirst("[" + c.getCurrentIndex() + "]");
                } else if (c.currentName() != null) {
                    segments.addFirst(c.currentName());
                }
            }
            StringBuilder path = new StringBuilder();
            for (String segment : segments) {
                if (!path.isEmpty() && !segment.startsWith("[")) {
                    path.append('.');
                }
                path.append(segment);
            }
            return path.isEmpty() ? "请求内容" : path.toString();
        }

        /** The JSON property the value belongs to (for an element of an array: the array's). */
        private static String fieldName(JsonParser p) {
            String name = p.currentName();
            if (name != null) {
                return name;
            }
            TokenStreamContext context = p.streamReadContext();
            return context != null && context.getParent() != null ? context.getParent().currentName() : null;
        }
    }
}
