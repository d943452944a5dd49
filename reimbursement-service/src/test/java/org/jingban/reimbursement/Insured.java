package org.jingban.reimbursement;

import java.time.Duration;
import java.util.List;

import org.jingban.enrollment.api.EnrollmentTopics;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.enrollment.api.coverage.EnrollmentReadModel;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.test.Eventually;
import org.jingban.platform.test.TestEvents;

/** Persons insured as enrollment-service says (its person events on the real broker), once the read model has them. */
public final class Insured {

    public static final String SONGPAN = "513224";
    public static final String WUWEI = "620600";

    private Insured() {
    }

    public static String person(EnrollmentReadModel readModel, String name, String insuranceType, String region,
                                String category) {
        String id = TestIdentities.randomIdNumber(1970);
        String personId = "p-" + id;
        PersonEvents.InsuranceView insurance = new PersonEvents.InsuranceView(insuranceType, region, null, null,
                category, "ACTIVE", "参保缴费", List.of(), 12);
        TestEvents.publish(EnrollmentTopics.EVENTS, "/jingban/enrollment", PersonEvents.ENROLLED, personId,
                new PersonEvents.Person(personId, id, name, "增加", region, List.of(insurance), null));
        Eventually.until(Duration.ofSeconds(30), () -> readModel.byIdNumber(id).block());
        return id;
    }
}
