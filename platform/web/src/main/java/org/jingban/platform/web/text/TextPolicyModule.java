package org.jingban.platform.web.text;

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
 * money). The first refused value fails the request as a 400 naming its field ({@link UnsafeTextException}).
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
                throw new UnsafeTextException(p, problem);
            });
            return normalised;
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
