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
        return person(readModel, TestIdentities.randomIdNumber(1970), name, insuranceType, region, category);
    }

    /** A random 居民身份证号码 of a woman ("女") or a man ("男"), born in 1992. */
    public static String idNumber(String gender) {
        while (true) {
            String id = TestIdentities.randomIdNumber(1992);
            if ((Character.getNumericValue(id.charAt(16)) % 2 == 0) == "女".equals(gender)) {
                return id;
            }
        }
    }

    public static String person(EnrollmentReadModel readModel, String id, String name, String insuranceType, String region,
                                String category) {
        String personId = "p-" + id;
        PersonEvents.InsuranceView insurance = new PersonEvents.InsuranceView(insuranceType, region, null, null,
                category, "ACTIVE", "参保缴费", List.of(), 12);
        TestEvents.publish(EnrollmentTopics.EVENTS, "/jingban/enrollment", PersonEvents.ENROLLED, personId,
                new PersonEvents.Person(personId, id, name, "增加", region, List.of(insurance), null));
        Eventually.until(Duration.ofSeconds(30), () -> readModel.byIdNumber(id).block());
        return id;
    }
}
