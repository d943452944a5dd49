package org.jingban.platform.service.cases;

import java.util.List;
import java.util.Map;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.Party;
import org.jingban.platform.cases.SubmitCase;
import org.jingban.platform.cases.application.CaseService;
import org.jingban.platform.security.Owner;
import org.jingban.platform.security.test.AuthorizationMatrixTest;
import org.jingban.platform.security.test.MatrixFixtures;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The shared case endpoints through platform/security's authorization matrix, without exceptions. */
@SpringBootTest(classes = CaseServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithJingbanInfrastructure
class CaseEndpointsAuthorizationMatrixTest extends AuthorizationMatrixTest {

    @Autowired
    CaseService cases;

    static final String PATH = "/api/v1/test-area/cases/{caseNumber}";

    @Override
    protected MatrixFixtures fixtures() {
        String idNumber = TestIdentities.idNumber(77);
        Owner owner = Owner.person(idNumber, "620600");
        // Who may advance or refuse depends on the case's current stage, and other operations of the matrix move
        // the shared case on (受理 by the clerk, then 审核 is the reviewer's): those two get a case of their own,
        // still at 受理, where the first staff role the operation names (the clerk) is the right one.
        return MatrixFixtures.builder()
                .object(PATH, owner, "caseNumber", submit(idNumber))
                .object(PATH + "/advance", owner, "caseNumber", submit(idNumber))
                .object(PATH + "/refuse", owner, "caseNumber", submit(idNumber))
                .build();
    }

    private String submit(String idNumber) {
        return cases.submit(SubmitCase.of("622036002003", "620600", Channel.PORTAL, Party.person(idNumber, "李四"),
                Map.of(), List.of())).block().getCaseNumber();
    }
}
