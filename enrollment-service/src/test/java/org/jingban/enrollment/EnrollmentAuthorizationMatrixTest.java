package org.jingban.enrollment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jingban.enrollment.account.AccountLedger;
import org.jingban.enrollment.person.InsuredPersons;
import org.jingban.platform.security.Owner;
import org.jingban.platform.security.test.AuthorizationMatrixTest;
import org.jingban.platform.security.test.MatrixFixtures;
import org.jingban.platform.security.test.TestTokens;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;

/** Every operation of the service's API document, probed by role, party and region (platform/security's matrix). */
@WithJingbanInfrastructure
class EnrollmentAuthorizationMatrixTest extends AuthorizationMatrixTest {

    @Autowired
    InsuredPersons persons;
    @Autowired
    AccountLedger ledger;

    @Override
    protected MatrixFixtures fixtures() {
        String region = EnrollmentTest.WUWEI;
        String uscc = EnrollmentTest.newUscc();
        Map<?, ?> registered = http.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(EnrollmentTest.unitForm(uscc, region)).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String idNumber = EnrollmentTest.newIdNumber();
        http.post().uri("/api/v1/enrollment/employees").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(EnrollmentTest.employeesForm(uscc, EnrollmentTest.EMPLOYEE_MATERIALS,
                        List.of(EnrollmentTest.employeeRow("矩阵", idNumber, "5000.00", "增加"))))
                .exchange().expectStatus().isCreated();
        String personId = persons.findByIdNumber(idNumber).block(EnrollmentTest.TIMEOUT).getId();
        Owner person = Owner.person(idNumber, region);
        String advancing = EnrollmentTest.newUscc();
        String refused = EnrollmentTest.newUscc();
        return MatrixFixtures.builder()
                .object("/api/v1/enrollment/accounts/family-members/{memberId}", person, "memberId", personId + ":" + UUID.randomUUID())
                .object("/api/v1/enrollment/accounts/{accountId}", person, "accountId", personId)
                .object("/api/v1/enrollment/persons/{personId}", person, "personId", personId)
                .object("/api/v1/enrollment/units/{unitId}", Owner.unit(uscc, region), "unitId", uscc)
                .object("/api/v1/enrollment/cases/{caseNumber}", Owner.unit(uscc, region),
                        "caseNumber", (String) registered.get("caseNumber"))
                // who may advance or refuse depends on the current stage, and the matrix's 受理 of the shared case moves it
                // on to 审核 (the reviewer's): those two get registrations of their own, still at 受理
                .object("/api/v1/enrollment/cases/{caseNumber}/advance", Owner.unit(advancing, region),
                        "caseNumber", registration(advancing, region))
                .object("/api/v1/enrollment/cases/{caseNumber}/refuse", Owner.unit(refused, region),
                        "caseNumber", registration(refused, region))
                // the holder's own unbinding of a member that does not exist answers 404 like anyone else's
                .skip("DELETE /api/v1/enrollment/accounts/family-members/{memberId}")
                .build();
    }

    /** A 单位参保登记 case of another unit, as its agent submits it. */
    private String registration(String uscc, String region) {
        Map<?, ?> registered = http.post().uri("/api/v1/enrollment/units").headers(h -> h.setBearerAuth(TestTokens.employerAgent(uscc)))
                .bodyValue(EnrollmentTest.unitForm(uscc, region)).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) registered.get("caseNumber");
    }
}
