package org.jingban.platform.security;

import org.jingban.platform.security.app.SecuredTestApplication;
import org.jingban.platform.security.test.AuthorizationMatrixTest;
import org.jingban.platform.security.test.MatrixFixtures;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

import static org.jingban.platform.security.app.SecuredTestApplication.ALICE;
import static org.jingban.platform.security.app.SecuredTestApplication.WUWEI;

/**
 * What a service writes to cover every endpoint it has and will have: the matrix comes from its own
 * {@code /v3/api-docs}; the fixtures name an existing object for operations on one party's object.
 */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithJingbanInfrastructure
class ExampleAuthorizationMatrixTest extends AuthorizationMatrixTest {

    @Override
    protected MatrixFixtures fixtures() {
        return MatrixFixtures.builder()
                .object("/api/v1/test/records/{id}", Owner.person(ALICE, WUWEI), "id", "r-alice")
                // admits citizens at the door but lets only clerks act (Authorize.actionableBy): its own
                // party gets 403 by design, which the matrix's "own party is let through" would flag
                .skip("POST /api/v1/test/records/{id}/accept")
                // deliberately unguarded, to prove the matrix flags it (AuthorizationMatrixCatchesMistakesTest)
                .skip("GET /api/v1/test/unguarded")
                // deliberately answers a code its document does not list (AuthorizationMatrixCatchesMistakesTest)
                .skip("POST /api/v1/test/archive")
                .build();
    }
}
