package org.jingban.designation;

import java.util.List;

import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.security.Owner;
import org.jingban.platform.security.test.AuthorizationMatrixTest;
import org.jingban.platform.security.test.MatrixFixtures;
import org.jingban.platform.security.test.TestIdentities;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.jingban.platform.test.WithJingbanInfrastructure;

/**
 * Every operation of designated-institution-service's API document through platform/security's matrix: no token, a
 * wrong role, another institution, staff of another region, the right party. Objects: an accepted application of a
 * hospital in Wuwei (its case, its 表19), and the agreement of a designated pharmacy.
 */
@WithJingbanInfrastructure
@Import(TestClock.Config.class)
class DesignationAuthorizationMatrixTest extends AuthorizationMatrixTest {

    static final String WUWEI = "620600";

    @Autowired
    Catalog catalog;
    @Autowired
    TestClock clock;

    @Override
    protected MatrixFixtures fixtures() {
        clock.on("2026-06-01");
        Designations d = new Designations(http, catalog, clock);
        String uscc = TestIdentities.randomUnitCode(WUWEI);
        String no = Designations.body(d.applyHospital(d.hospital(uscc, "矩阵医院", "620602")).expectStatus().isAccepted())
                .get("caseNumber").asString();
        d.ok("/cases/" + no + "/accept", Designations.Staff.of(WUWEI).clerk(), null);

        String pharmacy = TestIdentities.randomUnitCode(WUWEI);
        String other = Designations.body(d.applyPharmacy(d.pharmacy(pharmacy, "矩阵药房", "620602")).expectStatus()
                .isAccepted()).get("caseNumber").asString();
        String code = d.designate(other, WUWEI, List.of("药品零售"));

        Owner applicant = Owner.institution(uscc, WUWEI);
        return MatrixFixtures.builder()
                .object("/api/v1/designated-institutions/applications/{caseNumber}", applicant,
                        "caseNumber", no, "form", "19", "no", "1")
                .object("/api/v1/designated-institutions/cases/{caseNumber}", applicant, "caseNumber", no)
                .object("/api/v1/designated-institutions/agreements/{institutionCode}", Owner.institution(code, WUWEI),
                        "institutionCode", code)
                .build();
    }
}
