package org.jingban.designation;

import org.jingban.designation.api.DesignationTopics;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.test.EventProbe;
import org.jingban.platform.test.JingbanInfrastructure;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service on the shared broker and store with a controllable clock, the API helper ({@link Designations}) and a
 * probe on the service's topic: the one set-up of the designation tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithJingbanInfrastructure
@Import(TestClock.Config.class)
public abstract class DesignationServiceTest {

    protected static EventProbe events;

    @Autowired
    protected WebTestClient http;
    @Autowired
    protected Catalog catalog;
    @Autowired
    protected TestClock clock;

    protected Designations d;

    @BeforeAll
    static void probeEvents() {
        events = JingbanInfrastructure.get().probe(DesignationTopics.EVENTS);
    }

    @AfterAll
    static void closeEvents() {
        events.close();
    }

    @BeforeEach
    void designations() {
        d = new Designations(http, catalog, clock);
    }
}
