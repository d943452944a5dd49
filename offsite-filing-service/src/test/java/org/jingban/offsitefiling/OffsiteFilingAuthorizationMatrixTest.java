package org.jingban.offsitefiling;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jingban.enrollment.api.InsuranceTypes;
import org.jingban.enrollment.api.PersonEvents;
import org.jingban.enrollment.api.coverage.EnrollmentReadModel;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.Material;
import org.jingban.platform.security.Owner;
import org.jingban.platform.security.test.AuthorizationMatrixTest;
import org.jingban.platform.security.test.MatrixFixtures;
import org.jingban.platform.security.test.TestIdentities;
import org.jingban.platform.security.test.TestTokens;
import org.jingban.platform.test.Eventually;
import org.jingban.platform.test.WithJingbanInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of offsite-filing-service's API document through platform/security's matrix: no token, a wrong role,
 * another citizen, staff of another region, the right party. Objects: a filing of a retiree insured in Wuwei (and
 * the case that made it), and a refused application's case for the case endpoints.
 */
@WithJingbanInfrastructure
class OffsiteFilingAuthorizationMatrixTest extends AuthorizationMatrixTest {

    static final String WUWEI = "620600";

    @Autowired
    EnrollmentReadModel readModel;
    @Autowired
    Catalog catalog;

    @Override
    protected MatrixFixtures fixtures() {
        String id = TestIdentities.randomIdNumber(1956);
        EnrollmentEvents.publish(PersonEvents.ENROLLED, id, "矩阵",
                EnrollmentEvents.insurance(InsuranceTypes.EMPLOYEE_INSURANCE, WUWEI, "退休人员", "ACTIVE"));
        Eventually.until(Duration.ofSeconds(30), () -> readModel.byIdNumber(id).block());
        String filed = apply(id, "2026-12-01", "620100", "新增", 201);
        // a refused application (its 就医地 is the own pool) leaves a case for the case endpoints
        String refused = apply(id, "2026-12-01", WUWEI, "新增", 422);
        Owner owner = Owner.person(id, WUWEI);
        // 就医费用报销一件事 of another person: the 备案 only, so that the bundle completes in the request
        String other = TestIdentities.randomIdNumber(1970);
        EnrollmentEvents.publish(PersonEvents.ENROLLED, other, "一件事",
                EnrollmentEvents.insurance(InsuranceTypes.EMPLOYEE_INSURANCE, WUWEI, "在职职工", "ACTIVE"));
        Eventually.until(Duration.ofSeconds(30), () -> readModel.byIdNumber(other).block());
        String bundle = oneThing(other);
        return MatrixFixtures.builder()
                .object("/api/v1/offsite-filing/one-things/{caseNumber}", Owner.person(other, WUWEI), "caseNumber", bundle)
                .object("/api/v1/offsite-filing/filings/{filingNumber}", owner, "filingNumber", filed)
                .object("/api/v1/offsite-filing/cases/{caseNumber}", owner, "caseNumber", refused)
                .build();
    }

    private String oneThing(String id) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("姓名", "一件事");
        f.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        f.put("参保险种", "职工医保");
        f.put("联系电话", "13800138000");
        f.put("备案类别", "异地长期居住人员");
        f.put("申请备案开始日期", "2026-12-01");
        f.put("就医地", "510100");
        f.put("参保地联系地址", "甘肃省武威市凉州区东大街1号");
        f.put("申请材料", catalog.item("622036004002", WUWEI).materials().stream().map(Material::name)
                .filter(n -> n.contains("凭证") || n.contains("备案表") || n.contains("认定材料")).toList());
        return http.post().uri("/api/v1/offsite-filing/one-things")
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id))).bodyValue(f).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("caseNumber").asString();
    }

    private String apply(String id, String start, String destination, String registration, int status) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("姓名", "矩阵");
        f.put("参保险种", "职工医保");
        f.put("登记类别", registration);
        f.put("证件类型及号码", Map.of("证件类型", "居民身份证", "证件号码", id));
        f.put("申请备案开始日期", start);
        f.put("就医地", destination);
        f.put("联系电话", "13800138000");
        f.put("转往地址", "兰州大学第一医院");
        f.put("转诊医疗机构", "武威市人民医院");
        f.put("申请材料", catalog.item("622036004004", WUWEI).materials().stream().map(Material::name)
                .filter(n -> !n.contains("外伤")).toList());
        JsonNode answer = http.post().uri("/api/v1/offsite-filing/filings/referrals")
                .headers(h -> h.setBearerAuth(TestTokens.insuredPerson(id))).bodyValue(f).exchange()
                .expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
        return answer.get("caseNumber").asString();
    }
}
