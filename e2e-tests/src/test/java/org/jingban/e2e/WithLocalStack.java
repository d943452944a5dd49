package org.jingban.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class the running {@link LocalStack}: started by the first class that needs it, shared by the others,
 * closed with JUnit's root store after the last one (and by a shutdown hook should the JVM end otherwise).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(WithLocalStack.Extension.class)
@interface WithLocalStack {

    final class Extension implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(LocalStack.class, k -> LocalStack.get(), LocalStack.class);
        }
    }
}
