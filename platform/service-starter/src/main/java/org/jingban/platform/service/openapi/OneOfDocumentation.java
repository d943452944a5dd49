package org.jingban.platform.service.openapi;

import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.PropertyCustomizer;

/** Publishes a field's {@link OneOf} options as its schema's {@code enum} (of the items, for a list of strings). */
public class OneOfDocumentation implements PropertyCustomizer {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema customize(Schema property, AnnotatedType type) {
        if (property == null || type.getCtxAnnotations() == null) {
            return property;
        }
        for (Annotation annotation : type.getCtxAnnotations()) {
            if (annotation instanceof OneOf oneOf) {
                List<String> options = options(oneOf);
                Schema target = "array".equals(property.getType()) && property.getItems() != null ? property.getItems() : property;
                target.setEnum(new ArrayList<>(options));
            }
        }
        return property;
    }

    /** The options {@link OneOf} names (see there); fails loudly on a wrong name, so a typo cannot pass silently. */
    public static List<String> options(OneOf oneOf) {
        try {
            Object value;
            if (oneOf.field().isEmpty()) {
                value = oneOf.of().getEnumConstants();
            } else {
                Field field = oneOf.of().getDeclaredField(oneOf.field());
                field.setAccessible(true);
                value = field.get(null);
            }
            return strings(value, oneOf.byName());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("@OneOf names no readable static field: " + oneOf, e);
        }
    }

    private static List<String> strings(Object value, boolean byName) throws ReflectiveOperationException {
        List<String> options = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            value = map.keySet();
        }
        if (value != null && value.getClass().isArray()) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(Array.get(value, i));
            }
            value = items;
        }
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                options.add(byName && item instanceof Enum<?> constant ? constant.name() : label(item));
            }
            return options;
        }
        throw new IllegalStateException("@OneOf options must be a collection, array, map or enum, not " + value);
    }

    private static String label(Object item) throws ReflectiveOperationException {
        if (item instanceof Enum<?> constant) {
            try {
                Method label = constant.getDeclaringClass().getMethod("label");
                return String.valueOf(label.invoke(constant));
            } catch (NoSuchMethodException e) {
                return constant.name();
            }
        }
        return String.valueOf(item);
    }
}
