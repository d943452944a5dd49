package org.jingban.platform.web;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.jingban.platform.web.testapp.WebTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The test app on a real port, with an in-memory MongoDB-wire store (mongo-java-server) started once
 * per JVM. All subclasses share one application context.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class WebIntegrationTest {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final String MONGO_URI;

    static {
        var address = MONGO.bind();
        MONGO_URI = "mongodb://" + address.getHostString() + ":" + address.getPort() + "/jingban-web-test";
        Runtime.getRuntime().addShutdownHook(new Thread(MONGO::shutdownNow));
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO_URI);
    }

    @Autowired
    protected WebTestClient web;
}
