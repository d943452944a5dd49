package org.jingban.offsitefiling;

import java.util.List;

import org.jingban.enrollment.api.EnrollmentTopics;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.platform.test.TestEvents;

/**
 * Plays enrollment-service's side of the contract in these tests: publishes person events (enrollment-service-api)
 * on the real broker, as enrollment-service does after a 参保登记 or a change.
 */
public final class EnrollmentEvents {

    private EnrollmentEvents() {
    }

    /** An insurance as enrollment reports it (status ACTIVE unless said otherwise). */
    public static PersonEvents.InsuranceView insurance(String type, String region, String category, String status) {
        return new PersonEvents.InsuranceView(type, region, null, null, category, status,
                "ACTIVE".equals(status) ? "参保缴费" : "暂停缴费", List.of(), 12);
    }

    /** Publishes {@code person.enrolled} (or {@code changed}) with the person's whole coverage. */
    public static void publish(String type, String idNumber, String name, PersonEvents.InsuranceView... insurances) {
        String personId = "p-" + idNumber;
        PersonEvents.Person data = new PersonEvents.Person(personId, idNumber, name, "增加",
                insurances.length == 0 ? null : insurances[0].regionCode(), List.of(insurances), null);
        TestEvents.publish(EnrollmentTopics.EVENTS, "/jingban/enrollment", type, personId, data);
    }
}
