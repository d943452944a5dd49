package org.jingban.platform.web.problem;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Collects every problem of one request so the applicant learns all of them at once (一次性告知),
 * then {@link #throwIfAny()} refuses with a 400 listing them. Not thread-safe: one per request.
 *
 * <pre>{@code
 * Violations v = new Violations();
 * v.require("姓名", form.name());
 * v.check(IdNumbers.isValid(form.idNumber()), "证件类型及号码", "invalid-id-number", "公民身份号码校验位不正确");
 * v.requireAll(fieldsByCatalogName, item.requiredFields());
 * v.throwIfAny();
 * }</pre>
 */
public final class Violations {

    private final List<Violation> list = new ArrayList<>();

    /** Adds "…为必填项" when the value is null, blank, or an empty collection, map or array. */
    public Violations require(String field, Object value) {
        if (isEmpty(value)) {
            list.add(Violation.required(field));
        }
        return this;
    }

    /**
     * Checks a catalog item's required fields (受理信息必填项) at once.
     *
     * @param fieldsByCatalogName the submitted values keyed by the catalog's field names
     * @param requiredFields      the catalog's required field names, reported in this order
     */
    public Violations requireAll(Map<String, ?> fieldsByCatalogName, List<String> requiredFields) {
        for (String field : requiredFields) {
            require(field, fieldsByCatalogName == null ? null : fieldsByCatalogName.get(field));
        }
        return this;
    }

    /** Adds the violation unless {@code mustHold} is true. */
    public Violations check(boolean mustHold, String field, String code, String message) {
        if (!mustHold) {
            list.add(new Violation(field, code, message));
        }
        return this;
    }

    /**
     * A date as the forms send it ({@code yyyy-MM-dd}): the date, or null when blank (required is checked apart) or not
     * a date — then {@code invalid-date} is added for the field.
     */
    public java.time.LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            list.add(new Violation(field, "invalid-date", field + "应为yyyy-MM-dd"));
            return null;
        }
    }

    public Violations add(String field, String code, String message) {
        list.add(new Violation(field, code, message));
        return this;
    }

    public Violations add(Violation violation) {
        list.add(violation);
        return this;
    }

    public Violations addAll(Collection<Violation> violations) {
        list.addAll(violations);
        return this;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<Violation> list() {
        return List.copyOf(list);
    }

    /** Throws {@link ProblemException#validation(List)} with everything collected, if anything was. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw ProblemException.validation(list());
        }
    }

    private static boolean isEmpty(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof CharSequence text) {
            return text.toString().isBlank();
        }
        if (value instanceof Collection<?> collection) {
            return collection.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty();
        }
        if (value instanceof java.util.Optional<?> optional) {
            return optional.isEmpty() || isEmpty(optional.get());
        }
        return value.getClass().isArray() && Array.getLength(value) == 0;
    }
}
