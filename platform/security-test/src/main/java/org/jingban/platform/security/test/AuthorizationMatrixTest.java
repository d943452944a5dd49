package org.jingban.platform.security.test;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service's authorization matrix in one class ({@link AuthorizationMatrix}):
 * <pre>{@code
 * @WithJingbanInfrastructure
 * class EnrollmentAuthorizationMatrixTest extends AuthorizationMatrixTest {
 *     @Override
 *     protected MatrixFixtures fixtures() {
 *         return MatrixFixtures.builder().object("/api/v1/enrollment/persons/{id}", owner, "id", id).build();
 *     }
 * }
 * }</pre>
 * Objects the fixtures name must exist: create them in a {@code @BeforeAll}/{@code @BeforeEach} or in
 * {@link #fixtures()} itself (it runs inside the Spring test, with the context's beans injected).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class AuthorizationMatrixTest {

    @Autowired
    protected WebTestClient http;

    /** Objects for operations on one party's object, and operations to leave out. */
    protected MatrixFixtures fixtures() {
        return MatrixFixtures.none();
    }

    @TestFactory
    Stream<DynamicNode> authorization_matrix() {
        return AuthorizationMatrix.tests(http, fixtures());
    }
}
