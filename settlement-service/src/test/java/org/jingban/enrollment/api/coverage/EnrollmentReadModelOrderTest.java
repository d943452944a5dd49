package org.jingban.enrollment.api.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jingban.enrollment.api.PersonEvents;
import org.jingban.platform.messaging.EventJson;
import org.jingban.platform.messaging.ReceivedEvent;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.jingban.settlement.FakeEnrollmentAccounts;
import org.jingban.settlement.SettlementApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

/**
 * The person read model (enrollment-service-api, as settlement-service keeps it) in one write per event: a newer event
 * replaces the person, an older one arriving late changes nothing, and a redelivery changes nothing either.
 */
@SpringBootTest(classes = SettlementApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jingban.settlement.enrollment.base-url=http://localhost:${local.server.port}",
        "jingban.settlement.enrollment.timeout=PT2S",
        "jingban.settlement.direct.sweep-interval=PT1H"})
@AutoConfigureWebTestClient(timeout = "PT30S")
@WithJingbanInfrastructure
@Import(FakeEnrollmentAccounts.class)
class EnrollmentReadModelOrderTest {

    @Autowired
    EnrollmentReadModel persons;

    private static ReceivedEvent changed(String idNumber, String status, Instant at) {
        PersonEvents.Person person = new PersonEvents.Person("p-" + idNumber, idNumber, "次序人", "变更", "620600",
                List.of(new PersonEvents.InsuranceView("城乡居民基本医疗保险", "620600", null, null, "城乡居民", status,
                        status, List.of(), 0)), null);
        return new ReceivedEvent(UUID.randomUUID().toString(), "/jingban/enrollment", PersonEvents.CHANGED, idNumber,
                "620600", at, EventJson.write(person));
    }

    private String status(String idNumber) {
        return persons.byIdNumber(idNumber).block().coverages().get(0).status();
    }

    @Test
    void a_newer_event_replaces_the_person_and_an_older_one_arriving_late_does_not() {
        String id = TestIdentities.idNumber(301);
        Instant t0 = Instant.parse("2026-11-30T01:00:00Z");

        persons.apply(changed(id, "ACTIVE", t0)).block();           // first known: inserted
        assertThat(status(id)).isEqualTo("ACTIVE");

        persons.apply(changed(id, "SUSPENDED", t0.plusSeconds(60))).block();   // newer: replaces
        assertThat(status(id)).isEqualTo("SUSPENDED");

        persons.apply(changed(id, "ACTIVE", t0.plusSeconds(30))).block();      // older, late: changes nothing
        assertThat(status(id)).isEqualTo("SUSPENDED");
        assertThat(persons.byIdNumber(id).block().updatedAt()).isEqualTo(t0.plusSeconds(60));

        persons.apply(changed(id, "SUSPENDED", t0.plusSeconds(60))).block();   // a redelivery: the same picture
        assertThat(status(id)).isEqualTo("SUSPENDED");
    }
}
