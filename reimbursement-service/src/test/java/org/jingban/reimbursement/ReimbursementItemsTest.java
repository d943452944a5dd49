package org.jingban.reimbursement;

import org.jingban.enrollment.api.coverage.EnrollmentReadModel;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.test.EventProbe;
import org.jingban.platform.test.JingbanInfrastructure;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.jingban.reimbursement.api.ReimbursementTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The items of reimbursement-service on the real broker and store (one shared per test JVM): the service on a random
 * port, its catalog and its read model of enrollment, and a probe on its own event topic for the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithJingbanInfrastructure
public abstract class ReimbursementItemsTest {

    protected static final String SONGPAN = Insured.SONGPAN;
    protected static final String WUWEI = Insured.WUWEI;
    protected static EventProbe events;

    @Autowired
    protected WebTestClient http;
    @Autowired
    protected Catalog catalog;
    @Autowired
    protected EnrollmentReadModel readModel;

    @BeforeAll
    static void probe() {
        events = JingbanInfrastructure.get().probe(ReimbursementTopics.EVENTS);
    }

    @AfterAll
    static void close() {
        events.close();
    }
}
