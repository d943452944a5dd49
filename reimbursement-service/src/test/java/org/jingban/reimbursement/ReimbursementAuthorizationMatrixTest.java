package org.jingban.reimbursement;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.enrollment.api.coverage.EnrollmentReadModel;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.security.Owner;
import org.jingban.platform.security.test.AuthorizationMatrixTest;
import org.jingban.platform.security.test.MatrixFixtures;
import org.jingban.platform.security.test.TestTokens;
import org.jingban.platform.test.Eventually;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of reimbursement-service's API document through platform/security's matrix: no token, a wrong role,
 * another citizen, staff of another region, the right party. Objects: a person's granted entitlement, the payment of
 * their claim (ordered at 拨付), and a refused claim's case for the case endpoints.
 */
@WithJingbanInfrastructure
class ReimbursementAuthorizationMatrixTest extends AuthorizationMatrixTest {

    static final String SONGPAN = Insured.SONGPAN;

    @Autowired
    EnrollmentReadModel readModel;
    @Autowired
    Catalog catalog;

    @Override
    protected MatrixFixtures fixtures() {
        String id = Insured.person(readModel, "矩阵", InsuranceTypes.EMPLOYEE_INSURANCE, SONGPAN, "在职职工");
        String entitlement = entitlement(id);
        String invoice = "MX" + System.nanoTime();
        JsonNode paid = post("/api/v1/reimbursement/claims/outpatient", TestTokens.insuredPerson(id), claim(id, invoice));
        String number = paid.get("caseNumber").asString();
        staff(number, "accept", TestTokens.clerk("m-clerk", SONGPAN), Map.of());
        staff(number, "advance", TestTokens.reviewer("m-rv", SONGPAN), Map.of("stage", "审核"));
        staff(number, "advance", TestTokens.finance("m-fin", SONGPAN), Map.of("stage", "费用复核"));
        staff(number, "advance", TestTokens.finance("m-fin2", SONGPAN), Map.of("stage", "拨付"));
        // the same invoice again: refused (422), its case kept for the case endpoints
        String refused = http.post().uri("/api/v1/reimbursement/claims/outpatient")
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id))).bodyValue(claim(id, invoice)).exchange()
                .expectStatus().isEqualTo(422).expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("caseNumber").asString();
        String caseId = paid.get("caseId").asString();
        Owner owner = Owner.person(id, SONGPAN);
        return MatrixFixtures.builder()
                .object("/api/v1/reimbursement/entitlements/{entitlementNumber}", owner, "entitlementNumber", entitlement)
                .object("/api/v1/reimbursement/claims/{caseId}", owner, "caseId", caseId)
                .object("/api/v1/reimbursement/cases/{caseNumber}", owner, "caseNumber", refused)
                .build();
    }

    /** Granted through the case endpoints: accepted, reviewed by another person, completed. */
    private String entitlement(String id) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("姓名", "矩阵");
        f.put("年龄", java.time.Period.between(LocalDate.of(1970, 1, 1), LocalDate.now()).getYears());
        f.put("参保险种", "职工医保");
        f.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        f.put("联系电话", "13900139000");
        f.put("参保地", SONGPAN);
        f.put("申请病种名称", "高血压");
        f.put("申请材料", catalog.item("622036005000", SONGPAN).materials().stream().map(Material::name).toList());
        String number = post("/api/v1/reimbursement/entitlements/chronic-diseases", TestTokens.insuredPerson(id), f)
                .get("caseNumber").asString();
        staff(number, "accept", TestTokens.clerk("m-clerk", SONGPAN), Map.of());
        staff(number, "advance", TestTokens.reviewer("m-rv", SONGPAN), Map.of("stage", "审核"));
        staff(number, "complete", TestTokens.clerk("m-clerk2", SONGPAN), Map.of());
        Eventually.until(Duration.ofSeconds(30), () -> http.get().uri("/api/v1/reimbursement/entitlements/mine")
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id))).exchange().expectBody(String.class)
                .returnResult().getResponseBody().contains(number) ? true : null);
        return number;
    }

    private Map<String, Object> claim(String id, String invoice) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("姓名", "矩阵");
        f.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        f.put("业务类型", "普通门诊");
        f.put("联系电话", "13800138000");
        f.put("银行账户信息(账号、开户行；非本人账户提供相关材料)", Map.of("账号", "6222021234567890128", "开户行", "工行"));
        f.put("材料明细及数量", catalog.item("622036006001", SONGPAN).materials().stream().filter(m -> m.condition() == null)
                .map(m -> Map.of("材料名称", m.name(), "数量", 1)).toList());
        f.put("医疗机构名称", "松潘县人民医院");
        f.put("医疗机构等级", "二级");
        f.put("就医地", SONGPAN);
        f.put("就诊日期", LocalDate.now().minusDays(1).toString());
        f.put("票据", List.of(Map.of("票据号码", invoice, "票据金额", "100.00")));
        f.put("费用明细", List.of(Map.of("项目编码", "X1", "项目名称", "药", "类别", "甲类", "数量", "1", "单价", "100.00", "金额", "100.00")));
        return f;
    }

    private JsonNode post(String path, String token, Map<String, Object> body) {
        return http.post().uri(path).headers(h -> h.setBearerAuth(token)).bodyValue(body).exchange()
                .expectStatus().is2xxSuccessful().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void staff(String number, String action, String token, Map<String, Object> body) {
        http.post().uri("/api/v1/reimbursement/cases/{n}/" + action, number).headers(h -> h.setBearerAuth(token))
                .bodyValue(body).exchange().expectStatus().isOk();
    }
}
