package org.jingban.platform.security;

import org.jingban.platform.security.app.SecuredTestApplication;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One context for the module's tests: the small secured service on the embedded store. */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithJingbanInfrastructure
abstract class SecuredApplicationTest {

    @Autowired
    protected WebTestClient http;

    protected WebTestClient.ResponseSpec get(String path, String token) {
        return http.get().uri(path).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).exchange();
    }
}
