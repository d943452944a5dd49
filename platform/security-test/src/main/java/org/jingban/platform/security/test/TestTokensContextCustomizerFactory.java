package org.jingban.platform.security.test;

import java.util.List;

import org.jingban.platform.security.TrustedJwtKey;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Registered in META-INF/spring.factories for the Spring TestContext framework (which only tests use):
 * every test application context trusts the {@link TestTokens} key. A running application never
 * loads this, so production trusts only its configured issuer.
 */
public class TestTokensContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        return new TrustTestKey();
    }

    /** One value for all test classes, so the cached context is shared. */
    record TrustTestKey() implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getBeanFactory().registerSingleton("jingbanTestTrustedJwtKey", (TrustedJwtKey) TestTokens.trustedKey());
        }
    }
}
