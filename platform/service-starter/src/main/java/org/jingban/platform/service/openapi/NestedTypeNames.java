package org.jingban.platform.service.openapi;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;

/**
 * Schema names that cannot collide: a nested type is named with its enclosing type ({@code EmployeeRegistrationForm.Row},
 * {@code ContributionBaseForm.Row}) instead of its simple name alone, which swagger-core would give both — and then
 * document one form's rows with the other's schema. Top-level types keep their simple names.
 */
public final class NestedTypeNames extends TypeNameResolver {

    /** The model resolver of every service's API document, with these names. */
    public static ModelResolver resolver(com.fasterxml.jackson.databind.ObjectMapper mapper, boolean openapi31) {
        return new ModelResolver(mapper, new NestedTypeNames()).openapi31(openapi31);
    }

    @Override
    protected String getNameOfClass(Class<?> cls) {
        Class<?> enclosing = cls.getEnclosingClass();
        if (enclosing == null || getUseFqn()) {
            return super.getNameOfClass(cls);
        }
        return getNameOfClass(enclosing) + "." + cls.getSimpleName();
    }
}
