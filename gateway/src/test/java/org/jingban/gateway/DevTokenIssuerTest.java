package org.jingban.gateway;

import java.util.Map;

import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The local stack's token issuer: any role on demand, a JWKS the services trust, every input problem at once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithJingbanInfrastructure
@ActiveProfiles("local")
class DevTokenIssuerTest {

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @SuppressWarnings("unchecked")
    private String token(String json) {
        Map<String, Object> answer = http.post().uri("/dev/tokens").contentType(MediaType.APPLICATION_JSON).bodyValue(json)
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(answer).containsEntry("tokenType", "Bearer");
        return (String) answer.get("accessToken");
    }

    @Test
    void an_ops_token_from_the_dev_issuer_opens_ops_endpoints_and_a_clerk_token_does_not() {
        String ops = token("{\"role\":\"OPS\",\"subject\":\"ops-1\"}");
        String clerk = token("{\"role\":\"CLERK\",\"subject\":\"gh-001\",\"regions\":[\"620600\"]}");
        http.get().uri("/actuator/metrics").headers(h -> h.setBearerAuth(ops)).exchange().expectStatus().isOk();
        http.get().uri("/actuator/metrics").headers(h -> h.setBearerAuth(clerk)).exchange().expectStatus().isForbidden();
    }

    @Test
    void a_service_trusting_the_published_jwks_verifies_a_citizen_token_with_its_claims() {
        String idNumber = TestIdentities.idNumber(5);
        String citizen = token("{\"role\":\"INSURED_PERSON\",\"subject\":\"zwfw-8812\",\"idNumber\":\"" + idNumber + "\"}");
        // what a service does in local mode: spring.security.oauth2.resourceserver.jwt.jwk-set-uri=<gateway>/dev/jwks
        Jwt jwt = NimbusReactiveJwtDecoder.withJwkSetUri("http://localhost:" + port + "/dev/jwks").build()
                .decode(citizen).block();
        assertThat(jwt.getSubject()).isEqualTo("zwfw-8812");
        assertThat(jwt.getClaimAsString("id_number")).isEqualTo(idNumber);
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("INSURED_PERSON");
    }

    @Test
    void a_request_with_problems_lists_every_one() {
        http.post().uri("/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"roles\":[\"INSURED_PERSON\",\"CLERK\",\"WIZARD\"],\"idNumber\":\"123\",\"regions\":[\"62\"]}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.violations.length()").isEqualTo(3)
                .jsonPath("$.violations[0].field").isEqualTo("role")
                .jsonPath("$.violations[1].field").isEqualTo("idNumber")
                .jsonPath("$.violations[2].field").isEqualTo("regions[0]");
    }
}
