package org.jingban.transfer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jingban.platform.security.Owner;
import org.jingban.platform.security.test.AuthorizationMatrixTest;
import org.jingban.platform.security.test.MatrixFixtures;
import org.jingban.platform.security.test.TestTokens;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.jingban.transfer.certificate.CertificateHandlers;
import org.jingban.transfer.enrollment.EnrollmentReadModel;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every operation of transfer-service's API document through platform/security's matrix: no token, a wrong role,
 * another citizen, staff of another region, the right party. Objects: a 参保凭证 of a person insured in Wuwei, and
 * transfers of that person to Lanzhou (the case belongs to the 转入地).
 */
@WithJingbanInfrastructure
class TransferAuthorizationMatrixTest extends AuthorizationMatrixTest {

    @Autowired
    EnrollmentReadModel readModel;

    @Override
    protected MatrixFixtures fixtures() {
        String idNumber = enrolledForATransferToLanzhou("王五");
        // the accepted transfer runs its machine part at once and moves its person out of Wuwei, after which that
        // person's further applications are (rightly) refused: it gets a person of its own
        String moving = enrolledForATransferToLanzhou("赵六");

        Map<String, Object> certificateForm = new LinkedHashMap<>();
        certificateForm.put("姓名", "王五");
        certificateForm.put("证件类型及号码", TransferTest.idDoc(idNumber));
        certificateForm.put("参保地", TransferTest.WUWEI);
        certificateForm.put("户籍所在地", "甘肃省武威市凉州区");
        certificateForm.put("户籍类型", "非农业");
        certificateForm.put("申请材料", List.of("医保电子凭证或有效身份证件或社保卡"));
        CertificateHandlers.Issued issued = http.post().uri("/api/v1/transfer/certificates")
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(idNumber))).bodyValue(certificateForm)
                .exchange().expectStatus().isCreated()
                .expectBody(CertificateHandlers.Issued.class).returnResult().getResponseBody();

        Owner inWuwei = Owner.person(idNumber, TransferTest.WUWEI);
        Owner inLanzhou = Owner.person(idNumber, TransferTest.LANZHOU);
        // who may advance or refuse depends on the current stage: those two get transfers of their own, still at 受理
        return MatrixFixtures.builder()
                .object("/api/v1/transfer/certificates/{id}", inWuwei, "id", issued.certificate().id())
                .object("/api/v1/transfer/transfers/{caseNumber}", Owner.person(moving, TransferTest.LANZHOU),
                        "caseNumber", accepted(transfer(moving, "赵六")))
                .object("/api/v1/transfer/cases/{caseNumber}", inLanzhou, "caseNumber", transfer(idNumber, "王五"))
                .object("/api/v1/transfer/cases/{caseNumber}/advance", inLanzhou, "caseNumber", transfer(idNumber, "王五"))
                .object("/api/v1/transfer/cases/{caseNumber}/refuse", inLanzhou, "caseNumber", transfer(idNumber, "王五"))
                .build();
    }

    /** Suspended in Wuwei, already insured in Lanzhou: the conditions of a transfer to Lanzhou hold. */
    private String enrolledForATransferToLanzhou(String name) {
        String idNumber = TransferTest.newIdNumber();
        EnrollmentDouble.get().enroll(idNumber, name, "100.00",
                EnrollmentDouble.insurance(TransferTest.EMPLOYEE, TransferTest.WUWEI, "SUSPENDED", "在职职工", "2021-01", "2025-12"),
                EnrollmentDouble.insurance(TransferTest.EMPLOYEE, TransferTest.LANZHOU, "ACTIVE", "在职职工", "2026-01", null));
        TransferTest.eventually(() -> readModel.byIdNumber(idNumber)
                .filter(person -> person.getInsurances().size() == 2).block());
        return idNumber;
    }

    /** The transfer's documents exist once the 转入地 has accepted it (the 联系函 is its first). */
    private String accepted(String caseNumber) {
        String clerk = TestTokens.clerk("gh-lz", TransferTest.LANZHOU);
        http.post().uri("/api/v1/transfer/cases/{n}/accept", caseNumber).headers(h -> h.setBearerAuth(clerk))
                .exchange().expectStatus().isOk();
        TransferTest.eventually(() -> http.get().uri("/api/v1/transfer/transfers/{n}", caseNumber)
                .headers(h -> h.setBearerAuth(clerk)).exchange().returnResult(String.class)
                .getStatus().is2xxSuccessful() ? caseNumber : null);
        return caseNumber;
    }

    private String transfer(String idNumber, String name) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("姓名", name);
        f.put("证件类型及号码", TransferTest.idDoc(idNumber));
        f.put("联系电话", "13909351234");
        f.put("基本医疗保险类型", "职工医保");
        f.put("转出地机构地址", "转出地经办机构地址");
        f.put("转出地机构邮编", "733000");
        f.put("转出地医保(行政)区划代码", TransferTest.WUWEI);
        f.put("转入地机构地址", "转入地经办机构地址");
        f.put("转入地机构邮编", "730000");
        f.put("转入地医保(行政)区划代码", TransferTest.LANZHOU);
        f.put("申请材料", TransferTest.TRANSFER_MATERIALS);
        return http.post().uri("/api/v1/transfer/transfers").headers(h -> h.setBearerAuth(TestTokens.insuredPerson(idNumber)))
                .bodyValue(f).exchange().expectStatus().isAccepted()
                .expectBody(TransferTest.Applied.class).returnResult().getResponseBody().caseNumber();
    }
}
