package org.jingban.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jingban.platform.security.test.AuthorizationMatrix;
import org.jingban.platform.security.test.MatrixFixtures;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jingban.platform.security.app.SecuredTestApplication.ALICE;
import static org.jingban.platform.security.app.SecuredTestApplication.BOB;
import static org.jingban.platform.security.app.SecuredTestApplication.SONGPAN;
import static org.jingban.platform.security.app.SecuredTestApplication.WUWEI;

/** The matrix is only worth having if it fails when authorization is wrong. */
class AuthorizationMatrixCatchesMistakesTest extends SecuredApplicationTest {

    /** Runs every generated test, returns the names of those that failed. */
    private static List<String> failures(Stream<DynamicNode> nodes) {
        List<String> failed = new ArrayList<>();
        nodes.forEach(node -> run(node, "", failed));
        return failed;
    }

    private static void run(DynamicNode node, String prefix, List<String> failed) {
        String name = prefix + node.getDisplayName();
        if (node instanceof DynamicContainer container) {
            container.getChildren().forEach(child -> run(child, name + " / ", failed));
        } else if (node instanceof DynamicTest test) {
            try {
                test.getExecutable().execute();
            } catch (Throwable e) {
                failed.add(name);
            }
        }
    }

    @Test
    void an_endpoint_without_access_rules_is_flagged() {
        List<String> failed = failures(AuthorizationMatrix.tests(http, MatrixFixtures.builder()
                .object("/api/v1/test/records/{id}", Owner.person(ALICE, WUWEI), "id", "r-alice")
                .skip("POST /api/v1/test/records/{id}/accept")
                .skip("POST /api/v1/test/archive")
                .build()));
        assertThat(failed).containsExactly("GET /api/v1/test/unguarded / declares who may call it");
    }

    @Test
    void an_object_that_leaks_to_the_wrong_party_or_region_is_flagged() {
        // the fixture says r-alice is Bob's, in Songpan: the real owner checks then contradict the matrix
        List<String> failed = failures(AuthorizationMatrix.tests(http, MatrixFixtures.builder()
                .object("/api/v1/test/records/{id}", Owner.person(BOB, SONGPAN), "id", "r-alice")
                .skip("POST /api/v1/test/records/{id}/accept")
                .skip("GET /api/v1/test/unguarded")
                .build()));
        assertThat(failed).contains(
                "GET /api/v1/test/records/{id} / its own INSURED_PERSON: allowed",
                "GET /api/v1/test/records/{id} / CLERK of its region: allowed");
    }

    @Test
    void an_answer_its_api_document_does_not_list_is_flagged() {
        // POST /archive answers 201; springdoc documents 200 (and the problem answers): a generated client would be wrong
        List<String> failed = failures(AuthorizationMatrix.tests(http, MatrixFixtures.builder()
                .object("/api/v1/test/records/{id}", Owner.person(ALICE, WUWEI), "id", "r-alice")
                .skip("POST /api/v1/test/records/{id}/accept")
                .skip("GET /api/v1/test/unguarded")
                .build()));
        assertThat(failed).containsExactlyInAnyOrder("POST /api/v1/test/archive / CLERK: allowed",
                "POST /api/v1/test/archive / as documented: the example is answered as the document says");
    }

    @Test
    void an_operation_on_an_object_without_a_fixture_is_flagged() {
        List<String> failed = failures(AuthorizationMatrix.tests(http, MatrixFixtures.builder()
                .skip("GET /api/v1/test/unguarded")
                .build()));
        assertThat(failed).contains("GET /api/v1/test/records/{id} / has a fixture object");
    }
}
